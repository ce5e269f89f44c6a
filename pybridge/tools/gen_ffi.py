# Run from anywhere: python3 pybridge/tools/gen_ffi.py. Edit SPEC, regenerate, commit both.
# Generates the raw header classes of dev.easel.pybridge.ffi from a compact spec.
import os, re
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src/main/java/dev/easel/pybridge/ffi")
# Types: P pointer (MemorySegment), A pointer passed as a raw address (long: no segment made on
# hot paths; same ABI on 64-bit), I int, L long/Py_ssize_t, D double, V void. "critical": the
# function never calls back into Java and returns quickly. "?": optional symbol.
SPEC = r"""
pylifecycle_h | pylifecycle.h: start, stop and sub-interpreters
V Py_InitializeEx(I initsigs)
I Py_FinalizeEx()
I Py_IsInitialized()
P Py_GetVersion()
? I Py_IsFinalizing()
? I _Py_IsFinalizing()
? P Py_EndInterpreter(P tstate) =V
pystate_h | pystate.h: thread states and interpreter states
P PyThreadState_New(P interp)
V PyThreadState_Clear(P tstate)
V PyThreadState_Delete(P tstate)
V PyThreadState_DeleteCurrent()
P PyGILState_GetThisThreadState()
P PyThreadState_Swap(P tstate)
P PyThreadState_Get()
A PyThreadState_Get$raw() critical
? P PyThreadState_GetUnchecked()
? P _PyThreadState_UncheckedGet()
P PyThreadState_GetInterpreter(P tstate)
L PyThreadState_GetID(P tstate)
I PyThreadState_SetAsyncExc(L id, P exc)
P PyInterpreterState_Get()
P PyInterpreterState_Main()
L PyInterpreterState_GetID(P interp)
P PyInterpreterState_ThreadHead(P interp)
P PyThreadState_Next(P tstate)
P PyInterpreterState_GetDict(P interp)
pythread_h | pythread.h: OS thread identity
L PyThread_get_thread_ident()
ceval_h | ceval.h: releasing and taking the GIL
P PyEval_SaveThread()
V PyEval_RestoreThread(P tstate)
P PyEval_GetBuiltins()
I Py_MakePendingCalls()
object_h | object.h and abstract.h: reference counts, attributes, calls
V Py_IncRef(P o) critical
V Py_DecRef(P o)
P PyObject_GetAttrString(P o, P name)
I PyObject_SetAttrString(P o, P name, P v)
I PyObject_HasAttrString(P o, P name)
P PyObject_GetAttr(P o, P name)
I PyObject_SetAttr(P o, P name, P v)
P PyObject_Repr(P o)
P PyObject_Str(P o)
P PyObject_Type(P o)
I PyObject_IsTrue(P o)
I PyObject_IsInstance(P o, P cls)
P PyObject_Call(P callable, P args, P kwargs)
P PyObject_CallObject(P callable, P args)
P PyObject_Vectorcall(P callable, P args, L nargsf, P kwnames)
P PyObject_GetItem(P o, P key)
I PyObject_SetItem(P o, P key, P v)
I PyObject_DelItem(P o, P key)
L PyObject_Size(P o)
I PyObject_RichCompareBool(P a, P b, I op)
L PyObject_Hash(P o)
P PyObject_GetIter(P o)
P PyIter_Next(P o)
I PyCallable_Check(P o)
P PyNumber_Index(P o)
P PyNumber_Float(P o)
I PyObject_GetBuffer(P o, P view, I flags)
V PyBuffer_Release(P view)
I PyBuffer_IsContiguous(P view, I order)
P PyType_GetName(P type) ?
P PyType_GetQualName(P type) ?
I PyType_IsSubtype(P a, P b)
pyerrors_h | pyerrors.h: the error indicator
P PyErr_Occurred()
V PyErr_Clear()
V PyErr_SetString(P type, P message)
V PyErr_SetObject(P type, P value)
V PyErr_Fetch(P ptype, P pvalue, P ptraceback)
V PyErr_Restore(P type, P value, P traceback)
V PyErr_NormalizeException(P ptype, P pvalue, P ptraceback)
? P PyErr_GetRaisedException()
? V PyErr_SetRaisedException(P exc)
I PyErr_ExceptionMatches(P exc)
I PyErr_GivenExceptionMatches(P given, P exc)
I PyException_SetTraceback(P exc, P tb)
P PyException_GetTraceback(P exc)
P PyErr_NewException(P name, P base, P dict)
I PyErr_CheckSignals()
longobject_h | longobject.h: int
P PyLong_FromLongLong(L v)
L PyLong_AsLongLongAndOverflow(P o, P overflow)
L PyLong_AsLongLong(P o)
P PyLong_FromString(P str, P pend, I base)
D PyLong_AsDouble(P o)
D PyLong_AsDouble$raw(A o)
floatobject_h | floatobject.h: float
P PyFloat_FromDouble(D v)
D PyFloat_AsDouble(P o)
D PyFloat_AsDouble$critical(A o) critical
boolobject_h | boolobject.h: bool
P PyBool_FromLong(L v)
unicodeobject_h | unicodeobject.h: str
P PyUnicode_FromStringAndSize(P s, L size)
P PyUnicode_FromString(P s)
P PyUnicode_AsUTF8AndSize(P o, P size)
P PyUnicode_DecodeUTF8(P s, L size, P errors)
P PyUnicode_AsEncodedString(P o, P encoding, P errors)
P PyUnicode_InternFromString(P s)
bytesobject_h | bytesobject.h: bytes
P PyBytes_FromStringAndSize(P s, L size)
P PyBytes_AsString(P o)
L PyBytes_Size(P o)
I PyBytes_AsStringAndSize(P o, P buffer, P length)
P PyByteArray_FromStringAndSize(P s, L size)
listobject_h | listobject.h: list
P PyList_New(L size)
I PyList_Append(P list, P item)
L PyList_Size(P list)
P PyList_GetItem(P list, L i)
? P PyList_GetItemRef(P list, L i)
I PyList_SetItem(P list, L i, P item)
P PyList_AsTuple(P list)
tupleobject_h | tupleobject.h: tuple
P PyTuple_New(L size)
L PyTuple_Size(P t)
P PyTuple_GetItem(P t, L i)
I PyTuple_SetItem(P t, L i, P item)
dictobject_h | dictobject.h: dict
P PyDict_New()
I PyDict_SetItem(P d, P key, P v)
I PyDict_SetItemString(P d, P key, P v)
P PyDict_GetItemWithError(P d, P key)
? I PyDict_GetItemRef(P d, P key, P result)
? I PyDict_GetItemStringRef(P d, P key, P result)
I PyDict_DelItem(P d, P key)
P PyDict_Keys(P d)
P PyDict_Items(P d)
L PyDict_Size(P d)
P PyDict_Copy(P d)
I PyDict_Next(P d, P ppos, P pkey, P pvalue)
import_h | import.h: modules and sys.modules
P PyImport_ImportModule(P name)
P PyImport_GetModuleDict()
P PyImport_AddModule(P name)
P PyImport_GetModule(P name)
P PyImport_Import(P name)
moduleobject_h | moduleobject.h and methodobject.h: modules of built-in functions
P PyModule_New(P name)
P PyModule_GetDict(P module)
I PyModule_AddFunctions(P module, P defs)
I PyModule_AddObjectRef(P module, P name, P value)
? I PyUnstable_Module_SetGIL(P module, P gil)
pythonrun_h | pythonrun.h: running source code
P Py_CompileString(P source, P filename, I start)
P PyEval_EvalCode(P code, P globals, P locals)
P PyRun_StringFlags(P source, I start, P globals, P locals, P flags)
sysmodule_h | sysmodule.h: the sys module
P PySys_GetObject(P name)
I PySys_SetObject(P name, P v)
"""
JT = {'A': 'long', 'P': 'MemorySegment', 'I': 'int', 'L': 'long', 'D': 'double', 'V': 'void'}
LY = {'A': 'JAVA_LONG', 'P': 'ADDRESS', 'I': 'JAVA_INT', 'L': 'JAVA_LONG', 'D': 'JAVA_DOUBLE'}

def emit(cls, doc, fns):
    lines = [f"package dev.easel.pybridge.ffi;", "",
             "import java.lang.foreign.FunctionDescriptor;", "import java.lang.foreign.Linker;",
             "import java.lang.foreign.MemorySegment;", "import java.lang.invoke.MethodHandle;", "",
             "import static java.lang.foreign.ValueLayout.*;", "",
             f"/** Raw bindings for {doc}. The contract is the package's: see {{@code package-info}}. */",
             "@SuppressWarnings({\"unused\", \"checkstyle:MethodName\"})",
             f"public final class {cls} {{", f"    private {cls}() {{}}", ""]
    for ret, name, args, opt, crit in fns:
        argt = [(a.split()[0], a.split()[1]) for a in args]
        fd = (f"FunctionDescriptor.ofVoid({', '.join(LY[t] for t,_ in argt)})" if ret == 'V'
              else f"FunctionDescriptor.of({', '.join([LY[ret]] + [LY[t] for t,_ in argt])})")
        extra = ", Linker.Option.critical(false)" if crit else ""
        symbol = name.split('$')[0]
        name = name.replace('$', '_')
        holder = f"{name}$"
        if opt:
            lines.append(f"    private static final class {holder} {{ static final MethodHandle H = CPython.downcallOrNull(\"{symbol}\", {fd}{extra}); }}")
            lines.append(f"    /** Whether this libpython exports {{@code {name}}}. */")
            lines.append(f"    public static boolean has_{name}() {{ return {holder}.H != null; }}")
        else:
            lines.append(f"    private static final class {holder} {{ static final MethodHandle H = CPython.downcall(\"{symbol}\", {fd}{extra}); }}")
        params = ", ".join(f"{JT[t]} {n}" for t, n in argt)
        callargs = ", ".join(n for _, n in argt)
        lines.append(f"    public static {JT[ret]} {name}({params}) {{")
        if ret == 'V':
            lines.append(f"        try {{ {holder}.H.invokeExact({callargs}); }} catch (Throwable ex) {{ throw CPython.rethrow(ex); }}")
        else:
            lines.append(f"        try {{ return ({JT[ret]}) {holder}.H.invokeExact({callargs}); }} catch (Throwable ex) {{ throw CPython.rethrow(ex); }}")
        lines.append("    }")
        lines.append("")
    lines.append("}")
    with open(os.path.join(OUT, cls + ".java"), "w") as f:
        f.write("\n".join(lines) + "\n")

cur = None
for raw in SPEC.strip().splitlines():
    if '|' in raw:
        if cur: emit(*cur)
        cls, doc = [s.strip() for s in raw.split('|')]
        cur = (cls, doc, [])
        continue
    line = raw.strip()
    opt = line.startswith('?')
    if opt: line = line[1:].strip()
    crit = line.endswith('critical')
    if crit: line = line[:-len('critical')].strip()
    if line.endswith('?'):
        opt = True; line = line[:-1].strip()
    override = None
    m = re.match(r'(\w)\s+([\w$]+)\((.*?)\)\s*(=\w)?$', line)
    ret, name, args, ov = m.groups()
    if ov: ret = ov[1]
    args = [a.strip() for a in args.split(',') if a.strip()]
    cur[2].append((ret, name, args, opt, crit))
emit(*cur)
