package dev.easel.app;

import dev.easel.pybridge.BundledUserSite;
import dev.easel.pybridge.ProcessEnv;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * main adds the variables JavaFX's GTK start and Python's start set, before either starts, so that they
 * only replace them later (ProcessEnv: adding one beside a getenv crashed GTK's start).
 */
class ReservedEnvironmentTest {
    @Test
    void mainReservesWhatTheToolkitAndPythonSet() {
        Main.reserveEnvironment(true);
        assertNotNull(ProcessEnv.get("GDK_BACKEND"));
        assertEquals(System.getenv().getOrDefault("IBUS_ENABLE_SYNC_MODE", "1"), ProcessEnv.get("IBUS_ENABLE_SYNC_MODE"));
        assertEquals(System.getenv().getOrDefault("PYTHONUSERBASE", BundledUserSite.userBase().toString()),
                ProcessEnv.get("PYTHONUSERBASE"));
    }

    @Test
    void aHeadlessRunIsToldFromItsOptionsNotItsSketchsArguments() {
        assertTrue(EarlyArgs.headless(new String[]{"run", "--headless", "s.py"}));
        assertTrue(EarlyArgs.headless(new String[]{"run", "s.py", "--headless"}));
        assertFalse(EarlyArgs.headless(new String[]{"run", "s.py", "--", "--headless"}));
        assertFalse(EarlyArgs.headless(new String[]{"run", "s.py"}));
    }
}
