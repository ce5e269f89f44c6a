package dev.easel.canvas.host;

import dev.easel.canvas.host.loop.CanvasHost;
import dev.easel.canvas.host.loop.CanvasStats;
import dev.easel.canvas.host.loop.HeadlessWindows;
import dev.easel.canvas.host.view.Rasterizer;
import dev.easel.canvas.host.view.WindowPixels;
import dev.easel.canvas.ImageData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes what a headless run produced: {@code <slug>.png} per canvas (its last frame, with the
 * error overlay if that frame failed) and {@code stats.json}.
 */
public final class HeadlessOutput {
    private HeadlessOutput() {}

    /** Writes the PNGs and stats.json of every canvas of {@code session} into {@code dir}. */
    public static void write(Session session, HeadlessWindows windows, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder json = new StringBuilder("{\n  \"python\": ").append(quote(session.runtime().version().toString()))
                .append(",\n  \"script_failed\": ").append(session.scriptFailed())
                .append(",\n  \"canvases\": [");
        List<CanvasHost> hosts = session.canvases();
        for (int i = 0; i < hosts.size(); i++) {
            CanvasHost h = hosts.get(i);
            WindowPixels v = windows.pixels(h);
            Path png = dir.resolve(h.slug() + ".png");
            ImageData img = v != null ? v.picture()
                    : Rasterizer.render(null, null, h.width(), h.height(), h.backgroundArgb());
            img.save(png);
            CanvasStats s = h.stats();
            json.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"class\": ").append(quote(h.spec().className()))
                    .append(", \"title\": ").append(quote(h.spec().title()))
                    .append(", \"slug\": ").append(quote(h.slug()))
                    .append(", \"png\": ").append(quote(png.getFileName().toString()))
                    .append(", \"width\": ").append(h.width())
                    .append(", \"height\": ").append(h.height())
                    .append(", \"isolated\": ").append(h.spec().isolated())
                    .append(", \"create_ms\": ").append(h.spec().isolated() ? String.format(java.util.Locale.ROOT, "%.1f", h.createNanos() / 1e6) : "null")
                    .append(", \"frames\": ").append(s.frames())
                    .append(", \"frames_drawn\": ").append(s.frames())
                    .append(", \"frames_shown\": ").append(s.framesShown())
                    .append(", \"frames_dropped\": ").append(s.framesDropped())
                    .append(", \"on_draw_ms_mean\": ").append(num(s.meanDrawMs()))
                    .append(", \"on_draw_ms_p95\": ").append(num(s.p95DrawMs()))
                    .append(", \"attach_wait_ms_per_frame\": ").append(num(s.attachWaitMsPerFrame()))
                    .append(", \"errors\": [");
            List<CanvasStats.Error> errs = s.errors();
            for (int k = 0; k < errs.size(); k++) {
                CanvasStats.Error e = errs.get(k);
                json.append(k == 0 ? "" : ", ").append("{\"frame\": ").append(e.frame())
                        .append(", \"where\": ").append(quote(e.where()))
                        .append(", \"type\": ").append(quote(e.type()))
                        .append(", \"message\": ").append(quote(e.message()))
                        .append(", \"traceback\": ").append(quote(e.traceback())).append('}');
            }
            json.append("]}");
        }
        json.append(hosts.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        Files.writeString(dir.resolve("stats.json"), json, StandardCharsets.UTF_8);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
