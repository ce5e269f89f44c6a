package dev.easel.app;

import java.util.ArrayList;
import java.util.List;

/** The command line that starts another JVM like this one (same java, class path, module path). */
final class ChildJava {
    private ChildJava() {}

    static List<String> command(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add("--enable-native-access=ALL-UNNAMED,javafx.graphics");
        cmd.add("--sun-misc-unsafe-memory-access=allow"); // LWJGL (the GL renderer) uses Unsafe
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isEmpty()) {
            cmd.add("--module-path");
            cmd.add(modulePath);
            cmd.add("--add-modules");
            cmd.add("javafx.controls,javafx.swing");
        }
        String aot = System.getProperty("easel.aot");
        String cds = System.getProperty("easel.cds");
        if (aot != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(aot))) {
            // The launcher's ahead-of-time cache: the same class and module path, so it fits the child too.
            cmd.add("-XX:AOTCache=" + aot);
            // Every aot*/cds* tag set, as the launcher: "aot=off" alone leaves aot+codecache warnings on.
            cmd.add("-Xlog:aot*=off");
            cmd.add("-Xlog:cds*=off");
            cmd.add("-Deasel.aot=" + aot);
        } else if (cds != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(cds))) {
            // The launcher's class-data archive, as a user's start has it (read only: the launcher makes it).
            cmd.add("-XX:SharedArchiveFile=" + cds);
            cmd.add("-Xlog:cds=off");
            cmd.add("-Xlog:cds+dynamic=off");
            cmd.add("-Deasel.cds=" + cds);
        }
        // java.util.prefs.userRoot: a run remembers its windows where its launcher keeps its settings.
        // The installed app's in-place Python and easel package (packaging/build.sh).
        for (String p : List.of("glass.platform", "prism.order", "java.awt.headless", "easel.root",
                "java.util.prefs.userRoot", "easel.python.home", "easel.python.package")) {
            String v = System.getProperty(p);
            if (v != null) {
                cmd.add("-D" + p + "=" + v);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * This runtime's {@code bin/java}: in the installed app this process is the jpackage launcher
     * ({@code bin/easel}), which takes no JVM options, so the runtime's own java starts the child.
     */
    static String java() {
        java.nio.file.Path exe = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java");
        return java.nio.file.Files.isExecutable(exe) ? exe.toString()
                : ProcessHandle.current().info().command().orElse("java");
    }
}
