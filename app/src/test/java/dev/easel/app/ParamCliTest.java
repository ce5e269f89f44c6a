package dev.easel.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** {@code easel run --param NAME=VALUE} and {@code --params FILE}: parameters' start values, headless. */
class ParamCliTest {
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private Path sketch() throws Exception {
        Path s = dir.resolve("waves.py");
        Files.writeString(s, """
                import easel
                class Waves(easel.Canvas):
                    size = (32, 32)
                    speed = easel.Slider(0.0, 5.0, 1.0, step=0.1)
                    count = easel.Slider(1, 200, 20)
                    trails = easel.Toggle(True)
                    shape = easel.Choice(["circle", "square"], "circle")
                    tint = easel.ColorPick("#3080ff")
                    def setup(self):
                        print("VALUES", self.speed, self.count, self.trails, self.shape, self.tint.hex(), flush=True)
                    def on_draw(self, g):
                        g.clear(self.tint)
                Waves().show()
                """);
        return s;
    }

    private Child.Result run(String... extra) throws Exception {
        String[] args = new String[5 + extra.length];
        String[] base = {"run", sketch().toString(), "--headless", "--out", dir.resolve("out").toString()};
        System.arraycopy(base, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return Child.easel(dir, TIMEOUT, args);
    }

    @Test
    void paramsAndAPresetSetStartValues() throws Exception {
        Files.writeString(dir.resolve("waves.params.json"), "{\"speed\": 4.0, \"shape\": \"square\", \"count\": 5}");
        Child.Result r = run("--params", dir.resolve("waves.params.json").toString(), "--param", "speed=2.5",
                "--param", "trails=false", "--param", "tint=#ff0000");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stdout().contains("VALUES 2.5 5 False square #ff0000"), r::describe);
        Child.Result plain = run();
        assertEquals(0, plain.exitCode(), plain::describe);
        assertTrue(plain.stdout().contains("VALUES 1.0 20 True circle #3080ff"), plain::describe);
    }

    @Test
    void badNamesAndValuesAreUsageErrorsListingTheParameters() throws Exception {
        Child.Result name = run("--param", "sped=2");
        assertEquals(2, name.exitCode(), name::describe);
        assertTrue(name.stderr().contains("Waves has no parameter 'sped' (its parameters: speed, count, trails, shape, "
                + "tint)"), name::describe);
        assertFalse(name.stdout().contains("VALUES"), name::describe);
        Child.Result value = run("--param", "trails=maybe");
        assertEquals(2, value.exitCode(), value::describe);
        assertTrue(value.stderr().contains("Waves.trails is true or false, not 'maybe'"), value::describe);
        Child.Result form = run("--param", "speed");
        assertEquals(2, form.exitCode(), form::describe);
        assertTrue(form.stderr().contains("--param must look like NAME=VALUE"), form::describe);
        Child.Result file = run("--params", dir.resolve("none.json").toString());
        assertEquals(2, file.exitCode(), file::describe);
        assertTrue(file.stderr().contains("--params: no such file"), file::describe);
    }
}
