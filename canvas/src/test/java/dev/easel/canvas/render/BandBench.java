package dev.easel.canvas.render;

import dev.easel.canvas.Colors;
import dev.easel.canvas.DisplayList;
import java.lang.management.ManagementFactory;
import java.util.Random;

/**
 * The raster alone, headless: 10,000 random translucent lines at 800×600 (scale 1 and 2), wall and
 * process CPU time per frame, drawn in bands (on), with only the direct rasterizer's own split
 * (off: the renderer before bands) and on one thread, interleaved in rounds so that the machine's
 * load falls on all alike. Prints one line per round and figure; args: rounds, frames per slice.
 */
public final class BandBench {
    private BandBench() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        DisplayList[] lists = new DisplayList[4];
        for (int i = 0; i < lists.length; i++) {
            Random r = new Random(i);
            double[] xy = new double[40_000];
            for (int k = 0; k < xy.length; k += 2) {
                xy[k] = r.nextDouble() * 800;
                xy[k + 1] = r.nextDouble() * 600;
            }
            DisplayList l = new DisplayList();
            l.clear(Colors.BLACK);
            l.stroke(Colors.argb(128, 120, 200, 255));
            l.lines(xy, 0, 10_000);
            lists[i] = l.finish();
        }
        DisplayList[] thick = new DisplayList[4];
        for (int i = 0; i < thick.length; i++) {
            Random r = new Random(100 + i);
            DisplayList l = new DisplayList();
            l.clear(Colors.BLACK);
            l.stroke(Colors.argb(128, 255, 200, 120));
            l.lineWidth(3); // wider than the direct rasterizer's 2 device pixels: Marlin, one shape per line
            for (int k = 0; k < 1500; k++) {
                l.line(r.nextDouble() * 800, r.nextDouble() * 600, r.nextDouble() * 800, r.nextDouble() * 600);
            }
            thick[i] = l.finish();
        }
        String only = args.length > 2 ? args[2] : "both";
        for (double scale : new double[] {1, 2}) {
            if (!only.equals("lines") && scale == 1) {
                figure("1,500 thick lines (Marlin)", thick, scale, rounds, Math.max(1, frames / 3), os);
            }
            if (only.equals("thick")) {
                continue;
            }
            figure("10k lines", lists, scale, rounds, frames, os);
        }
    }

    private static void figure(String what, DisplayList[] lists, double scale, int rounds, int frames,
            com.sun.management.OperatingSystemMXBean os) {
        {
            RasterBands helpers = new RasterBands("bench", Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()) - 1));
            Java2dRenderer on = new Java2dRenderer(800, 600, scale, helpers);
            Java2dRenderer off = new Java2dRenderer(800, 600, scale, null);
            Java2dRenderer one = new Java2dRenderer(800, 600, scale, null);
            one.setParallel(false);
            Java2dRenderer[] rs = {on, off, one};
            String[] names = {"bands", "off", "one-thread"};
            for (int w = 0; w < 30; w++) {
                for (Java2dRenderer r : rs) {
                    r.render(lists[w % 4]);
                }
            }
            for (int round = 0; round < rounds; round++) {
                StringBuilder b = new StringBuilder(what + ", scale " + scale + ", round " + round + ", load " + load() + ":");
                for (int k = 0; k < rs.length; k++) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    for (int f = 0; f < frames; f++) {
                        rs[k].render(lists[f % 4]);
                    }
                    double wall = (System.nanoTime() - t0) / 1e6 / frames;
                    double cpu = (os.getProcessCpuTime() - c0) / 1e6 / frames;
                    b.append(String.format("  %s wall %.2f ms cpu %.2f ms", names[k], wall, cpu));
                }
                System.out.println(b);
            }
            helpers.close();
        }
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
