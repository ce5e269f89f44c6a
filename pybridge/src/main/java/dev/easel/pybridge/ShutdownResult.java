package dev.easel.pybridge;

import java.time.Duration;
import java.util.List;

/**
 * How {@link PythonRuntime#close()} went.
 *
 * @param finalized whether every interpreter was finalized; false when a thread would not leave
 *                  Python within the time allowed, in which case Python is left as it is (never a
 *                  call into it again) rather than finalized under a running thread
 * @param stuck     the threads that did not leave in time
 * @param took      how long closing took
 */
public record ShutdownResult(boolean finalized, List<String> stuck, Duration took) {
}
