package dev.easel.pybridge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the version at the start of {@code Py_GetVersion()}: "3.14.3 (main, ...)", "3.14.0rc1 ...". */
final class Versions {
    private static final Pattern LEADING = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private Versions() {}

    static PythonVersion parse(String pyGetVersion) {
        Matcher m = LEADING.matcher(pyGetVersion == null ? "" : pyGetVersion.strip());
        if (!m.find()) {
            throw new IllegalStateException("cannot read a version from Py_GetVersion(): " + pyGetVersion);
        }
        return new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }
}
