package dev.easel.canvas;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts installed on this machine, as seen by Java2D: family resolution for {@link FontSpec},
 * Java2D {@link Font} objects for the Java2D renderer, and text measurement.
 *
 * <p>JavaFX bundles no fonts, and both Java2D and JavaFX find system fonts through fontconfig on
 * Linux, so a family Java2D lists is one JavaFX can load too. The CSS generic families map to the
 * first installed family of a preference list (on Debian: DejaVu Sans, DejaVu Serif, DejaVu Sans Mono),
 * falling back to the JDK's logical fonts (SansSerif, Serif, Monospaced), which JavaFX also knows.
 *
 * <p>Measurement uses Java2D ({@link Font#getStringBounds} with antialiasing and fractional
 * metrics, the settings the Java2D renderer draws with) rather than a JavaFX {@code Text} node, because
 * it works on any thread, in headless mode, and without the JavaFX toolkit running. Glyph advances
 * come from the font file, so JavaFX lays out the same text to the same width within a fraction of a
 * pixel. Thread-safe.
 */
public final class Fonts {
    private static final List<String> SANS = List.of("DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial",
            "Helvetica", "Helvetica Neue", "Segoe UI", "Verdana");
    private static final List<String> SERIF = List.of("DejaVu Serif", "Liberation Serif", "Noto Serif",
            "Times New Roman", "Times", "Georgia");
    private static final List<String> MONO = List.of("DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono",
            "Consolas", "Menlo", "Courier New");
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Map<FontSpec, Font> AWT = new ConcurrentHashMap<>();
    /**
     * Fonts loaded from files by {@code easel.Font.load}, by lower-case family name. Process-wide like
     * the installed fonts they join (isolated canvases and both renderers share them); only grows,
     * by one entry per distinct file a sketch loads.
     */
    private static final Map<String, LoadedFont> LOADED = new ConcurrentHashMap<>();

    /**
     * A font file loaded by {@link #load}.
     *
     * @param family the name font strings use for it: the font's own family name, or that name with
     *               the file name added when an installed or other loaded font already has it
     * @param path   the file, absolute
     * @param font   the Java2D font, size 1
     */
    public record LoadedFont(String family, java.nio.file.Path path, Font font) {}

    private Fonts() {
    }

    /** Lazily loaded: listing fonts reads fontconfig, about 100 ms the first time. */
    private static final class Installed {
        static final Map<String, String> BY_LOWER_NAME = load();
        static final String SANS_SERIF = first(SANS, "SansSerif");
        static final String SERIF_FAMILY = first(Fonts.SERIF, "Serif");
        static final String MONOSPACE = first(MONO, "Monospaced");

        private static Map<String, String> load() {
            Map<String, String> m = new TreeMap<>();
            for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
                m.put(f.toLowerCase(Locale.ROOT), f);
            }
            return Map.copyOf(m);
        }

        private static String first(List<String> preferences, String logical) {
            for (String p : preferences) {
                String found = BY_LOWER_NAME.get(p.toLowerCase(Locale.ROOT));
                if (found != null) {
                    return found;
                }
            }
            return logical;
        }
    }

    /**
     * Scans the installed fonts now (about 0.1–0.3 s the first time, in Java2D's font manager) so that
     * the first text drawn or measured does not wait for it. Call it on a background thread at startup.
     */
    public static void preload() {
        awt(FontSpec.DEFAULT).getLineMetrics("x", FRC);
    }

    /** The installed family {@code sans-serif} maps to. */
    public static String sansSerif() {
        return Installed.SANS_SERIF;
    }

    /** The installed family {@code serif} maps to. */
    public static String serif() {
        return Installed.SERIF_FAMILY;
    }

    /** The installed family {@code monospace} maps to. */
    public static String monospace() {
        return Installed.MONOSPACE;
    }

    /** Every installed family name, sorted. */
    public static List<String> families() {
        return List.copyOf(new TreeMap<>(Installed.BY_LOWER_NAME).values());
    }

    /**
     * The installed or loaded family for a CSS family name (a generic name or a family, any case),
     * or null if nothing matches.
     */
    public static String resolve(String cssFamily) {
        String lower = cssFamily.strip().toLowerCase(Locale.ROOT);
        LoadedFont loaded = LOADED.get(lower);
        if (loaded != null) {
            return loaded.family();
        }
        return switch (lower) {
            case "sans-serif", "system-ui", "ui-sans-serif", "cursive", "fantasy" -> sansSerif();
            case "serif", "ui-serif" -> serif();
            case "monospace", "ui-monospace" -> monospace();
            default -> Installed.BY_LOWER_NAME.get(lower);
        };
    }

    /**
     * Loads a TrueType or OpenType font file (once per file: loading it again gives the same
     * family) and makes its family usable in font strings.
     *
     * @throws java.io.IOException      if the file cannot be read
     * @throws IllegalArgumentException if it is not a font Java can use
     */
    public static LoadedFont load(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Path path = file.toAbsolutePath().normalize();
        for (LoadedFont f : LOADED.values()) {
            if (f.path().equals(path)) {
                return f;
            }
        }
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, path.toFile());
        } catch (java.awt.FontFormatException e) {
            throw new IllegalArgumentException("not a TrueType or OpenType font: " + e.getMessage());
        }
        synchronized (LOADED) {
            for (LoadedFont f : LOADED.values()) {
                if (f.path().equals(path)) {
                    return f;
                }
            }
            String name = font.getFamily(Locale.ROOT);
            if (name == null || name.isBlank()) {
                name = font.getFontName(Locale.ROOT);
            }
            String family = name;
            // A family already taken (installed, or another file): the loaded one must not hide it, nor
            // be hidden by it, so it gets a name of its own.
            if (Installed.BY_LOWER_NAME.containsKey(family.toLowerCase(Locale.ROOT))
                    || LOADED.containsKey(family.toLowerCase(Locale.ROOT))) {
                family = name + " (" + path.getFileName() + ")";
                for (int i = 2; LOADED.containsKey(family.toLowerCase(Locale.ROOT)); i++) {
                    family = name + " (" + path.getFileName() + " " + i + ")";
                }
            }
            LoadedFont loaded = new LoadedFont(family, path, font);
            LOADED.put(family.toLowerCase(Locale.ROOT), loaded);
            return loaded;
        }
    }

    /** The loaded font of a family (as {@link LoadedFont#family()} names it), or null. */
    public static LoadedFont loaded(String family) {
        return LOADED.get(family.toLowerCase(Locale.ROOT));
    }

    /** The Java2D font for a spec (cached; Java2D fonts are immutable, so sharing is safe). */
    public static Font awt(FontSpec spec) {
        Font f = AWT.get(spec);
        if (f == null) {
            int style = (spec.bold() ? Font.BOLD : Font.PLAIN) | (spec.italic() ? Font.ITALIC : Font.PLAIN);
            LoadedFont loaded = LOADED.get(spec.family().toLowerCase(Locale.ROOT));
            f = loaded != null ? loaded.font().deriveFont(style, (float) spec.size())
                    : new Font(spec.family(), style, 1).deriveFont((float) spec.size());
            AWT.put(spec, f);
        }
        return f;
    }

    /** The distance between the baselines of two lines of one text, in font sizes. */
    public static final double LINE_SPACING = 1.25;

    /**
     * Measures text as the renderers lay it out: the advance width, and the font's ascent and descent.
     * A {@code \n} starts a new line, {@link #LINE_SPACING} font sizes below the one before: the width
     * is the widest line's, the descent reaches the last line's. Works on any thread.
     */
    public static TextMetrics measure(String text, FontSpec font) {
        Font f = awt(font);
        if (text.indexOf('\n') >= 0) {
            // Lines LINE_SPACING font sizes apart: as wide as the widest, from the first line's
            // ascent down to the last line's descent.
            String[] lines = text.split("\n", -1);
            double width = 0;
            for (String line : lines) {
                width = Math.max(width, line.isEmpty() ? 0 : f.getStringBounds(line, FRC).getWidth());
            }
            LineMetrics lm = f.getLineMetrics(lines[0].isEmpty() ? " " : lines[0], FRC);
            return new TextMetrics(width, lm.getAscent(), lm.getDescent() + (lines.length - 1) * f.getSize2D() * LINE_SPACING);
        }
        double width = text.isEmpty() ? 0 : f.getStringBounds(text, FRC).getWidth();
        LineMetrics lm = f.getLineMetrics(text.isEmpty() ? " " : text, FRC);
        return new TextMetrics(width, lm.getAscent(), lm.getDescent());
    }
}
