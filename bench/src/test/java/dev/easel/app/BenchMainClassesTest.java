package dev.easel.app;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every benchmark {@code easel bench} names is in this module, with the {@code main} a child JVM runs. */
class BenchMainClassesTest {
    @Test
    void everyNamedMainClassIsHereAndRunnable() throws Exception {
        assertEquals(7, BenchCommand.MAIN_CLASSES.size(), "bridge, draw, scale, runaway, reload, app, startup");
        for (var e : BenchCommand.MAIN_CLASSES.entrySet()) {
            Class<?> c = Class.forName(e.getValue(), false, getClass().getClassLoader());
            var main = c.getDeclaredMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()), e.getKey() + ": static main in " + c.getName());
            assertTrue(c.getProtectionDomain().getCodeSource().getLocation().getPath().contains("bench"),
                    e.getKey() + ": " + c.getName() + " comes from the bench module, not " + c.getProtectionDomain().getCodeSource().getLocation());
        }
    }
}
