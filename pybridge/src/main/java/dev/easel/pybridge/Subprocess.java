package dev.easel.pybridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion, bounded in time, and keeps what it printed. */
final class Subprocess {
    private Subprocess() {
    }

    /** What a finished (or timed out) subprocess printed. */
    record Output(int exitCode, String output) {
    }

    /**
     * Runs a short command with exactly {@code env} as its environment and no input; stdout and stderr
     * together, at most 64 KiB kept. On time out it is killed (with its children) and an IOException thrown.
     */
    static Output run(List<String> command, Map<String, String> env, Duration timeout) throws IOException {
        Path out = Files.createTempFile("easel-python-probe", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill(p);
                throw new IOException("interrupted while waiting for " + command.getFirst(), e);
            }
            if (!finished) {
                kill(p);
                throw new IOException("did not answer within " + timeout.toSeconds() + " s");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(out)) {
                bytes = in.readNBytes(64 * 1024);
            }
            return new Output(p.exitValue(), new String(bytes, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
