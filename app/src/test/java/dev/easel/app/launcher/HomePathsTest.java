package dev.easel.app.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a recent file's folder reads in the launcher's list. */
class HomePathsTest {
    @Test
    void foldersUnderHomeReadFromTildeAndOthersInFull() {
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals("~/sketches/birds", HomePaths.shown(home.resolve("sketches/birds")));
        assertEquals(home.toString(), HomePaths.shown(home), "the home folder itself, in full");
        assertEquals("/opt/easel/examples", HomePaths.shown(Path.of("/opt/easel/examples")));
        assertEquals("", HomePaths.shown(null));
    }
}
