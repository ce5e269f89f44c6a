package dev.easel.canvas.host;

import java.util.List;

/**
 * Child JVM of {@link PythonApiTest}: runs every {@link ApiSketches} sketch on the Python named by
 * {@code easel.python} and prints {@code API-SKETCH <name> ok} or what failed, then
 * {@code API-CHILD OK} when all held.
 */
public final class ApiSketchesMain {
    private ApiSketchesMain() {}

    public static void main(String[] args) throws Exception {
        System.out.println("API-CHILD python=" + Sketches.runtime().version());
        boolean ok = true;
        for (ApiSketches.Sketch s : ApiSketches.ALL) {
            List<String> problems = ApiSketches.problems(s);
            if (problems.isEmpty()) {
                System.out.println("API-SKETCH " + s.name() + " ok");
            } else {
                ok = false;
                System.out.println("API-SKETCH " + s.name() + " FAILED:");
                problems.forEach(p -> System.out.println("    " + p));
            }
        }
        System.out.println(ok ? "API-CHILD OK" : "API-CHILD FAILED");
        System.out.flush();
        Runtime.getRuntime().halt(ok ? 0 : 1); // no runtime shutdown to wait for: the outcome is printed
    }
}
