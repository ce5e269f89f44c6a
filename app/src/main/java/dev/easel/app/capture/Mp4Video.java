package dev.easel.app.capture;

import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An MP4 (H.264) video through jcodec, a maintained pure-Java encoder: no native library, no
 * ffmpeg. H.264 works on 2×2 blocks of chroma: odd sizes are padded by one black pixel.
 */
public final class Mp4Video implements Recording {
    private final SeekableByteChannel channel;
    private final AWTSequenceEncoder encoder;
    private int frames;
    private int width = -1;
    private int height = -1;

    Mp4Video(Path file, double fps) throws IOException {
        channel = NIOUtils.writableChannel(file.toFile());
        // jcodec takes the rate as a fraction: fps to 1/1000 precision.
        encoder = new AWTSequenceEncoder(channel, Rational.R((int) Math.round(fps * 1000), 1000));
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
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        rgb.getGraphics().drawImage(frame, 0, 0, null);
        encoder.encodeImage(rgb);
        frames++;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        try {
            encoder.finish();
        } finally {
            NIOUtils.closeQuietly(channel);
        }
    }
}
