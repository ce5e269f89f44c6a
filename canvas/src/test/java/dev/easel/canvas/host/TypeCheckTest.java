package dev.easel.canvas.host;

import dev.easel.canvas.host.python.PythonPackage;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.easel.canvas.host.Sketches.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Editor support: the package's type information (inline annotations, {@code py.typed}, the stubs
 * {@code _easel.pyi} and {@code _types.pyi}) lets {@code mypy --strict} check the package itself,
 * every example and the README sketch cleanly, catches wrong calls in a sketch, and describes the
 * drawing built-ins with the signatures they really have. The mypy tests need {@code mypy} on
 * PATH (Debian's {@code mypy} package; {@code .ci/run} installs it) and are skipped without it.
 */
class TypeCheckTest {
    static final Path ROOT = Path.of(System.getProperty("easel.root", "..")).toAbsolutePath().normalize();
    /** The folder holding {@code easel/}: what docs/editor-support.md tells editors and mypy to use. */
    static final Path PACKAGE_ROOT = ROOT.resolve("canvas/src/main/resources/dev/easel/canvas/python");
    static final Path CACHE = Path.of("target", "mypy-cache").toAbsolutePath();

    @Test
    void packageExamplesAndReadmeSketchPassMypyStrict() throws Exception {
        Path mypy = mypy();
        List<String> files = new ArrayList<>(List.of(PACKAGE_ROOT.resolve("easel").toString()));
        try (Stream<Path> s = Files.list(ROOT.resolve("assets/examples"))) {
            List<Path> examples = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
            assertFalse(examples.isEmpty(), "no examples in assets/examples");
            examples.forEach(p -> files.add(p.toString()));
        }
        Path dir = Files.createTempDirectory("easel-mypy");
        Path readme = dir.resolve("readme_sketch.py");
        Files.writeString(readme, readmeSketch());
        files.add(readme.toString());

        Result r = mypy(mypy, files);
        assertEquals(0, r.exit(), "mypy --strict must pass on the package, every example and the README sketch:\n"
                + r.output());
        assertTrue(r.output().contains("Success"), r.output());
        Sketches.deleteQuietly(dir);
    }

    @Test
    void mypyReportsWrongCallsInASketch() throws Exception {
        Path mypy = mypy();
        // Every line marked "# E" is wrong and must be reported; no other line may be.
        String sketch = """
                import easel


                class Wrong(easel.Canvas):
                    fps = "fast"  # E
                    background = 5  # E
                    size = (640, 480)

                    def on_draw(self, g: easel.Graphics) -> None:
                        g.fill_rect("a", 0, 10, 10)  # E
                        g.fill = 5  # E
                        g.fill = easel.Color(1, 2, 3).with_alpha(0.5)
                        g.stroke = easel.LinearGradient(0, 0, 1, 1, [(0, "red"), (1, (0, 0, 255))])
                        g.fill_circle(1, 2)  # E
                        g.points([1.0, 2.0], size="big")  # E
                        g.circles([(1, 2, 3), (4, 5, 6)], fill=False)
                        w, h = easel.Graphics.measure_text("x", font="12px serif")
                        g.fill_text("w", w + h, 0, max_width=None)
                        g.draw_image("x.png", 0, 0)  # E
                        g.font = easel.Font.load("x.ttf")
                        g.line_dash = (6, 3)
                        easel.noise("x")  # E
                        self.show().redraw()

                    def on_mouse_press(self, e: int) -> None:  # E
                        pass

                    def on_key_press(self, e: easel.Event) -> None:
                        if e.key == "q":
                            easel.quit(1)

                    def on_close(self) -> bool:
                        return self.frame > 3
                """;
        Path dir = Files.createTempDirectory("easel-mypy");
        Path file = dir.resolve("wrong_sketch.py");
        Files.writeString(file, sketch);
        TreeSet<Integer> expected = new TreeSet<>();
        String[] lines = sketch.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("# E")) {
                expected.add(i + 1);
            }
        }

        Result r = mypy(mypy, List.of(file.toString()));
        TreeSet<Integer> reported = new TreeSet<>();
        Matcher m = Pattern.compile("wrong_sketch\\.py:(\\d+): error:").matcher(r.output());
        while (m.find()) {
            reported.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(1, r.exit(), r.output());
        assertEquals(expected, reported, "lines mypy reported (expected: the lines marked # E):\n" + r.output());
        Sketches.deleteQuietly(dir);
    }

    /**
     * The typed declarations that type checkers see under {@code if TYPE_CHECKING:} stand for code
     * that is different at run time (Java built-ins, properties made by a helper, Settings): they
     * must name exactly what exists at run time, with the same parameters and defaults.
     */
    @Test
    void typedDeclarationsMatchWhatRunsInEasel() throws Exception {
        var r = run("""
                import ast, inspect, sys
                import easel
                from easel import _canvas, _graphics
                t = sys._easel_test
                problems = t.setdefault("problems", [])
                t["checked"] = 0

                def typed_block(module, cls_name):
                    with open(module.__file__, encoding="utf-8") as f:
                        tree = ast.parse(f.read())
                    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls_name)
                    typed, plain = [], []
                    for node in cls.body:
                        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
                            typed.extend(node.body)
                        else:
                            plain.append(node)
                    return typed, plain

                def decorators(d):
                    return [ast.unparse(x) for x in d.decorator_list]

                def ast_params(d, skip_self):
                    a = d.args
                    names = [x.arg for x in a.posonlyargs + a.args][1 if skip_self else 0:]
                    defaults = [ast.literal_eval(x) for x in a.defaults]
                    out = names[:len(names) - len(defaults)]
                    out += [f"{n}={v!r}" for n, v in zip(names[len(names) - len(defaults):], defaults)]
                    return out

                def runtime_params(fn):
                    return [p.name if p.default is inspect.Parameter.empty else f"{p.name}={p.default!r}"
                            for p in inspect.signature(fn).parameters.values()]

                # Graphics: static methods are the drawing built-ins, properties the state.
                typed, plain = typed_block(_graphics, "Graphics")
                runtime = vars(easel.Graphics)
                builtins = {n for n, v in runtime.items() if type(v) is type(len)}
                statics = {d.name: d for d in typed if isinstance(d, ast.FunctionDef) and "staticmethod" in decorators(d)}
                if set(statics) != builtins:
                    problems.append(f"Graphics built-ins typed {sorted(set(statics) - builtins)} but not at run time, "
                                    f"at run time {sorted(builtins - set(statics))} but not typed")
                for name in sorted(set(statics) & builtins):
                    got, want = ast_params(statics[name], False), runtime_params(getattr(easel.Graphics, name))
                    if got != want:
                        problems.append(f"Graphics.{name}: typed ({', '.join(got)}), built-in ({', '.join(want)})")
                    t["checked"] += 1
                typed_props = {d.name for d in typed if isinstance(d, ast.FunctionDef) and "property" in decorators(d)}
                plain_props = {d.name for d in plain if isinstance(d, ast.FunctionDef) and "property" in decorators(d)}
                runtime_props = {n for n, v in runtime.items() if isinstance(v, property)}
                if typed_props | plain_props != runtime_props:
                    problems.append(f"Graphics properties: typed {sorted(typed_props | plain_props)}, "
                                    f"at run time {sorted(runtime_props)}")
                t["checked"] += len(typed_props)

                # Canvas: the handlers are easel.EVENTS, with the arity show() checks; the settings'
                # typed defaults are the class values.
                typed, plain = typed_block(_canvas, "Canvas")
                handlers = {d.name: d for d in typed if isinstance(d, ast.FunctionDef)}
                if set(handlers) != set(easel.EVENTS):
                    problems.append(f"Canvas handlers typed {sorted(handlers)}, EVENTS {sorted(easel.EVENTS)}")
                for name, d in handlers.items():
                    if len(ast_params(d, True)) != _canvas._ARITY.get(name, 1):
                        problems.append(f"Canvas.{name}: typed ({', '.join(ast_params(d, True))})")
                    t["checked"] += 1
                for node in typed:
                    if isinstance(node, ast.AnnAssign) and node.value is not None:
                        name = node.target.id
                        if ast.literal_eval(node.value) != getattr(easel.Canvas, name):
                            problems.append(f"Canvas.{name}: typed default {ast.unparse(node.value)}, "
                                            f"class value {getattr(easel.Canvas, name)!r}")
                        t["checked"] += 1

                class Done(easel.Canvas):
                    size = (8, 8)
                Done().show()
                """, 1);
        assertEquals(List.of(), r.fact("problems"));
        assertTrue(((Number) r.fact("checked")).intValue() >= 42 + 12 + 15 + 5, "checked " + r.fact("checked"));
        assertEquals(0, r.session().exitCode());
    }

    /** PythonPackage.FILES is what reaches the cached copy Easel runs (and an editor may be pointed at). */
    @Test
    void everyFileOfThePackageIsInstalled() throws IOException {
        try (Stream<Path> s = Files.list(PACKAGE_ROOT.resolve("easel"))) {
            List<String> files = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".pyc")).sorted().toList();
            assertEquals(files, PythonPackage.FILES.stream().sorted().toList());
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    record Result(int exit, String output) {}

    /** mypy on PATH, or the test is skipped (aborted) saying how to get it. */
    static Path mypy() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, "mypy"))
                .filter(Files::isExecutable)
                .findFirst();
        assumeTrue(found.isPresent(), "mypy is not on PATH: install it (Debian: apt-get install mypy) to check the "
                + "easel package's types");
        return found.get();
    }

    /** mypy --strict over {@code files}, finding {@code easel} in the source tree as editors are told to. */
    static Result mypy(Path mypy, List<String> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(mypy.toString(), "--strict", "--python-version", "3.11",
                "--no-color-output", "--cache-dir", CACHE.toString()));
        cmd.addAll(files);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("MYPYPATH", PACKAGE_ROOT.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    /** The README's sketch: its first ```python block that defines a Canvas. */
    static String readmeSketch() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            if (m.group(1).contains("easel.Canvas")) {
                return m.group(1);
            }
        }
        return fail("README.md has no ```python block with an easel.Canvas");
    }
}
