package dev.easel.pybridge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CPython version number, {@code major.minor.micro}.
 *
 * <p>Ordered numerically, so {@code 3.9.18 < 3.11.7 < 3.12.1}. The build kind (free-threaded or
 * not) is not part of the version: see {@link PythonInstallation#freeThreaded()}.
 *
 * @param major the major version, 3 for every Python Easel supports
 * @param minor the minor version, for example 12 for Python 3.12
 * @param micro the micro (patch) version, 0 when unknown
 */
public record PythonVersion(int major, int minor, int micro) implements Comparable<PythonVersion> {

    /** {@code 3.12}, {@code 3.12.1}, {@code 3.13t}, {@code 3.13.0t}, {@code 3.14.0rc1}, {@code 3.12.1+}. */
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:t|(?:a|b|rc)\\d+|\\+|-dev)*");

    /**
     * Checks that no part is negative.
     *
     * @throws IllegalArgumentException if a part is negative
     */
    public PythonVersion {
        if (major < 0 || minor < 0 || micro < 0) {
            throw new IllegalArgumentException("negative version part in " + major + "." + minor + "." + micro);
        }
    }

    /**
     * Parses a version as people write it: {@code "3.12"} (micro 0), {@code "3.12.1"}, or with the
     * suffix of a free-threaded build, {@code "3.13t"} (gives 3.13.0). Pre-release suffixes such as
     * {@code "3.14.0rc1"} are accepted and dropped. Surrounding blanks are ignored.
     *
     * @param text the version text
     * @return the version
     * @throws IllegalArgumentException if {@code text} is not a version
     */
    public static PythonVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no Python version given (null)");
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Python version: \"" + text + "\" (expected for example 3.12, 3.12.1 or 3.13t)");
        }
        try {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            int micro = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return new PythonVersion(major, minor, micro);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Python version: \"" + text + "\" (number too large)", e);
        }
    }

    /**
     * Tells whether this version is {@code major.minor} or newer, whatever the micro version.
     *
     * @param major the major version to compare with
     * @param minor the minor version to compare with
     * @return {@code true} if this version is at least {@code major.minor.0}
     */
    public boolean isAtLeast(int major, int minor) {
        return this.major != major ? this.major > major : this.minor >= minor;
    }

    /**
     * Orders versions numerically: major first, then minor, then micro.
     *
     * @param other the version to compare with
     * @return negative, zero or positive as this version is older than, equal to or newer than {@code other}
     */
    @Override
    public int compareTo(PythonVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(micro, other.micro);
        }
        return c;
    }

    /**
     * The version as Python prints it, always with three parts: {@code "3.12.1"}, {@code "3.13.0"}.
     *
     * @return {@code major.minor.micro}
     */
    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
