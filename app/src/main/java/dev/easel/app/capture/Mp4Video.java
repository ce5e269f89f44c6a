package dev.easel.app.capture;

import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An MP4 (H.264) video through jcodec, a maintained pure-Java encoder: no native library, no
 * ffmpeg. H.264 works on 2×2 blocks of chroma: odd sizes are padded by one black pixel. Written to
 * a temporary file moved to the target at {@link #close}.
 */
public final class Mp4Video implements Recording {
    private final Path target;
    private final Path temp;
    private final SeekableByteChannel channel;
    private final SequenceEncoder encoder;
    private int frames;
    private int width = -1;
    private int height = -1;
    /** The frame in jcodec's RGB form, reused: a live recording makes no garbage per frame. */
    private Picture rgb;

    Mp4Video(Path file, double fps) throws IOException {
        target = file;
        temp = Recording.partial(file);
        channel = NIOUtils.writableChannel(temp.toFile());
        // jcodec takes the rate as a fraction: fps to 1/1000 precision.
        encoder = SequenceEncoder.createWithFps(channel, Rational.R((int) Math.round(fps * 1000), 1000));
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        int w = frame.getWidth() + (frame.getWidth() & 1);
        int h = frame.getHeight() + (frame.getHeight() & 1);
        if (width < 0) {
            width = w;
            height = h;
        } else if (w != width || h != height) {
            throw new IOException("a video's frames keep one size: " + width + "x" + height + ", not " + w + "x" + h
                    + " (the canvas was resized while recording)");
        }
        if (rgb == null) {
            rgb = Picture.create(w, h, ColorSpace.RGB);
        }
        encoder.encodeNativeFrame(picture(frame, w, h, rgb));
        frames++;
    }

    /**
     * The frame as jcodec's RGB picture (bytes are value - 128), composited over black like a
     * video player shows it (premultiplied colour is that already). Read in bulk from the image's int array when it has one: jcodec's own
     * AWT path reads pixel by pixel, 5-10× slower, and the encoder must keep up with a live window.
     */
    private static Picture picture(BufferedImage frame, int w, int h, Picture pic) {
        int fw = frame.getWidth();
        int fh = frame.getHeight();
        int[] argb;
        boolean alpha;
        int type = frame.getType();
        if ((type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB_PRE)
                && frame.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && frame.getRaster().getSampleModelTranslateX() == 0 && frame.getRaster().getSampleModelTranslateY() == 0
                && ints.getData().length == fw * fh) {
            argb = ints.getData();
            alpha = type == BufferedImage.TYPE_INT_ARGB;
        } else {
            argb = frame.getRGB(0, 0, fw, fh, null, 0, fw);
            alpha = true;
        }
        byte[] out = pic.getPlaneData(0);
        Arrays.fill(out, (byte) -128); // black, for the padding of odd sizes
        for (int y = 0; y < fh; y++) {
            int o = y * w * 3;
            for (int x = 0, i = y * fw; x < fw; x++, i++, o += 3) {
                int p = argb[i];
                int r = (p >> 16) & 255;
                int g = (p >> 8) & 255;
                int b = p & 255;
                if (alpha) {
                    int a = p >>> 24;
                    if (a != 255) {
                        r = (r * a + 127) / 255;
                        g = (g * a + 127) / 255;
                        b = (b * a + 127) / 255;
                    }
                }
                out[o] = (byte) (r - 128);
                out[o + 1] = (byte) (g - 128);
                out[o + 2] = (byte) (b - 128);
            }
        }
        return pic;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        boolean ok = false;
        try {
            encoder.finish();
            channel.close();
            Recording.place(temp, target);
            ok = true;
        } finally {
            if (!ok) {
                abort();
            }
        }
    }

    @Override
    public void abort() {
        NIOUtils.closeQuietly(channel);
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // deleted when the JVM exits
        }
    }
}
