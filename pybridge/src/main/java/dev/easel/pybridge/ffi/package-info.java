/**
 * The raw layer: CPython's C API as FFM method handles, struct layouts and ports of C macros.
 *
 * <p>One class per CPython header, named after it ({@code object_h} for {@code object.h}), with the
 * C names kept, in the way of jextract and pyo3's {@code pyo3-ffi}. Nothing here is safe: every
 * function in this package assumes, and does not check, that
 * <ul>
 *   <li>the library was loaded with {@link dev.easel.pybridge.ffi.CPython#load} before first use;</li>
 *   <li>the calling thread is attached (its thread state is current and holds the GIL of that
 *       interpreter) unless the C documentation says the function needs no thread state;</li>
 *   <li>pointers are valid and of the right type, and references follow CPython's rules
 *       (a "new" result is owned by the caller, a "borrowed" one is not);</li>
 *   <li>a {@code NULL} result ({@link java.lang.foreign.MemorySegment#NULL}) means a Python error
 *       is set, where the C API says so.</li>
 * </ul>
 * Symbols that exist only in some versions or builds are looked up lazily and checked with the
 * {@code has...} methods of {@link dev.easel.pybridge.ffi.CPython}. Everything else in Easel uses
 * the safe API in {@code dev.easel.pybridge}.
 */
package dev.easel.pybridge.ffi;
