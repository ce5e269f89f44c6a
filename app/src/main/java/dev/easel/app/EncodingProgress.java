package dev.easel.app;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Says on the console how a recording's encoding goes once it has stopped ("easel: encoding 93
 * frames into clip.mp4…  40 %"), at once and then each second it moved, until the file is
 * complete: the window may be gone by then, and the launcher's console shows these lines.
 */
final class EncodingProgress {
    private EncodingProgress() {}

    /** Starts reporting {@code w} on a daemon thread of its own. Any thread. */
    static void report(PendingWrites.Write w) {
        System.err.println("easel: " + w.progress());
        Thread.ofPlatform().daemon(true).name("easel-record-progress").start(() -> {
            String last = w.progress();
            while (true) {
                try {
                    w.done().get(1, TimeUnit.SECONDS);
                    return; // the outcome is said by the recording
                } catch (TimeoutException stillGoing) {
                    String now = w.progress();
                    if (!now.equals(last)) {
                        System.err.println("easel: " + now);
                        last = now;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception ended) {
                    return;
                }
            }
        });
    }
}
