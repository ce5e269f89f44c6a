package dev.easel.canvas.host;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a sketch's folder (and its sub-folders) for changed {@code .py} files and reports them
 * in batches, on its own thread, which runs no Python.
 *
 * <p>Editors save in several writes (truncate, write, chmod), or write a temporary file and
 * rename it over the old one (an atomic replace: the folder, not the file, is watched, so the
 * new file is seen). A batch ends when the folder has been quiet for {@link #QUIET_NANOS}, or
 * {@link #MAX_NANOS} after its first event.
 */
final class SketchWatcher implements AutoCloseable {
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(30);
    static final long MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    /** Folders watched at most: a sketch in a huge tree (a home folder) still starts. */
    private static final int MAX_FOLDERS = 256;

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>(); // the watcher thread's, after the constructor
    private final Consumer<Set<String>> sink;
    private final Thread thread;

    SketchWatcher(Path folder, Consumer<Set<String>> sink) throws IOException {
        this.sink = sink;
        this.service = folder.getFileSystem().newWatchService();
        register(folder);
        this.thread = Thread.ofPlatform().daemon().name("easel-watch").start(this::loop);
    }

    /** Registers {@code root} and the folders under it that can hold the sketch's modules. */
    private void register(Path root) {
        Deque<Path> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty() && folders.size() < MAX_FOLDERS) {
            Path dir = todo.poll();
            try {
                WatchKey k = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                folders.put(k, dir);
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && wanted(p)).forEach(todo::add);
                }
            } catch (IOException | RuntimeException e) {
                // Gone meanwhile, or not readable: nothing of the sketch's there.
            }
        }
    }

    /** Not hidden folders, caches or installed packages (a virtualenv next to the sketch). */
    private static boolean wanted(Path dir) {
        String n = String.valueOf(dir.getFileName());
        return !n.startsWith(".") && !n.equals("__pycache__") && !n.equals("site-packages")
                && !n.equals("node_modules") && !Files.exists(dir.resolve("pyvenv.cfg"));
    }

    private void loop() {
        try {
            while (true) {
                Set<String> changed = new LinkedHashSet<>();
                collect(service.take(), changed);
                long first = System.nanoTime();
                while (true) {
                    long left = Math.min(QUIET_NANOS, first + MAX_NANOS - System.nanoTime());
                    WatchKey more = left <= 0 ? null : service.poll(left, TimeUnit.NANOSECONDS);
                    if (more == null) {
                        break;
                    }
                    collect(more, changed);
                }
                if (!changed.isEmpty()) {
                    sink.accept(changed);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            // close()
        } catch (RuntimeException e) {
            System.err.println("easel: live reload stopped watching files: " + e);
        }
    }

    private void collect(WatchKey key, Set<String> out) {
        Path dir = folders.get(key);
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                out.add("*"); // events were lost: reload to be sure
                continue;
            }
            Path p = dir.resolve((Path) e.context());
            String name = String.valueOf(p.getFileName());
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (wanted(p)) {
                    register(p); // a new package: its modules can be imported from now on
                }
            } else if (name.endsWith(".py") && !name.startsWith(".")) {
                out.add(p.toAbsolutePath().normalize().toString());
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        thread.interrupt();
    }
}
