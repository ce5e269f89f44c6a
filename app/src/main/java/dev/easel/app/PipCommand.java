package dev.easel.app;

import dev.easel.app.pip.BundledPip;
import dev.easel.pybridge.PythonInstallation;
import dev.easel.pybridge.PythonLocator;
import dev.easel.pybridge.PythonNotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code easel pip install|list|uninstall ...}: packages for the bundled Python ({@link BundledPip}). */
@Command(name = "pip", description = "Packages for the bundled Python: pip, into a folder only it sees.%n",
        footer = {"%nUsage: easel pip COMMAND [ARGS...]   (pip's commands and options pass through)",
                "  easel pip install NAME|WHEEL...  pip install --user, into Easel's own folder",
                "  easel pip list                   what sketches can import (numpy, pip: bundled)",
                "  easel pip uninstall NAME...      only what easel pip installed (no prompt)",
                "Offline: easel pip install --no-index --find-links DIR NAME, or a wheel's path.",
                "easel doctor shows the folder. Other Pythons (--python, venvs): their own pip."})
final class PipCommand implements Callable<Integer> {
    @CommandLine.Unmatched
    List<String> args = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (args.isEmpty() || (args.size() == 1 && (args.getFirst().equals("--help") || args.getFirst().equals("-h")))) {
            spec.commandLine().usage(System.out);
            return args.isEmpty() ? 2 : 0;
        }
        PythonInstallation bundled;
        try {
            bundled = PythonLocator.locate("bundled");
        } catch (PythonNotFoundException e) {
            System.err.println("easel pip: " + e.getMessage());
            return 2;
        }
        BundledPip pip;
        try {
            pip = new BundledPip(bundled);
            return pip.run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("easel pip: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            System.err.println("easel pip: cannot run pip: " + e.getMessage());
            return 2;
        }
    }
}
