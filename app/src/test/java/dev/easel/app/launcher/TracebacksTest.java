package dev.easel.app.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class TracebacksTest {
    @Test
    void framesPointAtRealFilesOnly() {
        assertEquals(Optional.of(new Tracebacks.Location(Path.of("/home/u/s.py"), 49)),
                Tracebacks.location("  File \"/home/u/s.py\", line 49, in on_draw"));
        assertEquals(Optional.empty(), Tracebacks.location("  File \"<string>\", line 1, in <module>"));
        assertEquals(Optional.empty(), Tracebacks.location("print('File \"x\"')"));
        assertEquals(Tracebacks.Kind.FRAME, Tracebacks.kind("  File \"/a.py\", line 2, in f"));
        assertEquals(Tracebacks.Kind.HEAD, Tracebacks.kind("Traceback (most recent call last):"));
        assertEquals(Tracebacks.Kind.HEAD, Tracebacks.kind("easel: error in Bounce.on_draw (frame 3):"));
        assertEquals(Tracebacks.Kind.EXCEPTION, Tracebacks.kind("ZeroDivisionError: division by zero"));
        assertEquals(Tracebacks.Kind.EXCEPTION, Tracebacks.kind("KeyboardInterrupt"));
        assertEquals(Tracebacks.Kind.PLAIN, Tracebacks.kind("frame 3"));
    }
}
