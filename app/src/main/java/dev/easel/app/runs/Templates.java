package dev.easel.app.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** New sketches: a small working canvas to start from. */
public final class Templates {
    private Templates() {}

    /** The starting sketch, with a class named after the file. */
    static String sketch(String className) {
        return """
                \"\"\"%s: a new Easel sketch. Run it with: easel run %s\"\"\"

                import easel


                class %s(easel.Canvas):
                    title = "%s"
                    size = (640, 480)
                    fps = 60
                    background = "#202030"

                    def setup(self):
                        self.x = 0.0

                    def on_draw(self, g):
                        self.x = (self.x + 120 * self.dt) %% self.width
                        g.fill = "tomato"
                        g.fill_circle(self.x, self.height / 2, 40)

                    def on_mouse_press(self, e):
                        print("clicked at", e.x, e.y)


                if __name__ == "__main__":
                    %s().show()
                """.formatted(className, "%s", className, className, className);
    }

    /** {@code my-sketch.py} gives {@code MySketch}. */
    static String className(Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.py$", "");
        StringBuilder b = new StringBuilder();
        boolean up = true;
        for (char c : base.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            } else {
                up = true;
            }
        }
        if (b.isEmpty() || !Character.isLetter(b.charAt(0))) {
            b.insert(0, "Sketch");
        }
        return b.toString();
    }

    /** Writes a new sketch to {@code file} (a {@code .py} added if missing). Never overwrites. */
    public static Path create(Path file) throws IOException {
        Path f = file.getFileName().toString().endsWith(".py") ? file : file.resolveSibling(file.getFileName() + ".py");
        String text = sketch(className(f)).replace("easel run %s", "easel run " + f.getFileName());
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return f;
    }
}
