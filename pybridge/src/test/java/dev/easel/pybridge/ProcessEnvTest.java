package dev.easel.pybridge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The C environment: reserving adds only what is absent; put sets, replaces and removes. */
class ProcessEnvTest {
    @Test
    void reserveAddsOnlyWhatIsNotThere() {
        String name = "EASEL_TEST_RESERVE_" + ProcessHandle.current().pid();
        assertNull(ProcessEnv.get(name));
        ProcessEnv.reserve(name, "first");
        assertEquals("first", ProcessEnv.get(name));
        ProcessEnv.reserve(name, "second"); // there already: kept
        assertEquals("first", ProcessEnv.get(name));
        ProcessEnv.put(name, "third");
        assertEquals("third", ProcessEnv.get(name));
        ProcessEnv.put(name, null);
        assertNull(ProcessEnv.get(name));
        ProcessEnv.put(name, null); // absent: nothing to do
        assertNull(ProcessEnv.get(name));
    }
}
