package dev.easel.canvas.host;

import dev.easel.canvas.InputEvent;
import dev.easel.pybridge.Attachment;
import dev.easel.pybridge.PyObject;
import dev.easel.pybridge.PythonException;
import dev.easel.pybridge.PythonRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code --events FILE}: a JSON list of input events for a headless run, such as
 * {@code {"frame": 3, "type": "mouse_press", "x": 10, "y": 20, "button": "left"}} or
 * {@code {"frame": 5, "type": "key_press", "key": "ArrowLeft"}}, with optional {@code "clicks"},
 * {@code "repeat"}, {@code "buttons"} (the buttons held, a list) and, for {@code file_drop},
 * {@code "paths"} (a list of str); optional {@code "canvas"} names
 * one canvas (slug, title or class), else every canvas gets it. Parsed with Python's json.
 */
public final class ScriptedEvents {
    private ScriptedEvents() {}

    /** Parses the file; {@link IllegalArgumentException} says what is wrong and where. */
    public static List<Session.ScriptedEvent> load(PythonRuntime runtime, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("events file not found: " + file);
        }
        Object parsed;
        try (Attachment a = runtime.main().attach(); PyObject g = a.newGlobals()) {
            g.setItem("_path", file.toAbsolutePath().toString());
            try (PyObject r = a.eval("__import__('json').load(open(_path, encoding='utf-8'))", g)) {
                parsed = r.toJava();
            }
        } catch (PythonException e) {
            throw new IllegalArgumentException("events file " + file + " is not valid JSON: " + e.pythonMessage());
        }
        if (!(parsed instanceof List<?> items)) {
            throw new IllegalArgumentException("events file " + file + " must hold a JSON list of events");
        }
        List<Session.ScriptedEvent> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("event " + i + " of " + file + " is not an object");
            }
            try {
                out.add(event(m));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("event " + i + " of " + file + ": " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    private static Session.ScriptedEvent event(Map<?, ?> m) {
        long frame = ((Number) require(m, "frame")).longValue();
        if (frame < 0) {
            throw new IllegalArgumentException("frame must be >= 0");
        }
        String type = (String) require(m, "type");
        InputEvent e;
        if (type.equals("resize")) {
            e = InputEvent.resize(num(m, "width", num(m, "x", 0)).intValue(), num(m, "height", num(m, "y", 0)).intValue());
        } else {
            List<String> paths = strings(m, "paths");
            if (type.equals("file_drop") && paths == null) {
                throw new IllegalArgumentException("a file_drop needs \"paths\": a list of file names");
            }
            e = new InputEvent(type, num(m, "x", 0).doubleValue(), num(m, "y", 0).doubleValue(), str(m, "button"),
                    num(m, "dx", 0).doubleValue(), num(m, "dy", 0).doubleValue(), str(m, "key"), str(m, "text"),
                    bool(m, "shift"), bool(m, "ctrl"), bool(m, "alt"), bool(m, "meta"), num(m, "clicks", 0).intValue(),
                    bool(m, "repeat"), strings(m, "buttons"), paths);
        }
        return new Session.ScriptedEvent(frame, str(m, "canvas"), e);
    }

    private static Object require(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return v;
    }

    private static Number num(Map<?, ?> m, String key, Number dflt) {
        Object v = m.get(key);
        return v instanceof Number n ? n : dflt;
    }

    private static String str(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static List<String> strings(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a list of strings");
        }
        return l.stream().map(String::valueOf).toList();
    }

    private static boolean bool(Map<?, ?> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }
}
