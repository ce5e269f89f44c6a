package dev.easel.canvas;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * An immutable image: width × height pixels of non-premultiplied colour, what Python's
 * {@code easel.Image} wraps. Pixels are held as packed ARGB ints; {@link #pixels()} gives the RGBA
 * bytes Python sees.
 *
 * <p>Loading and saving use {@code javax.imageio} (PNG, JPEG, GIF, BMP), which works on any thread and
 * needs no JavaFX toolkit, so headless runs and canvas threads can load images directly. Renderers
 * convert an image to their own form once and cache it by identity; being immutable, one image can
 * be drawn by any number of canvases at once. Thread-safe.
 */
public final class ImageData {
    private final int width;
    private final int height;
    private final int[] argb;

    private ImageData(int width, int height, int[] argb) {
        this.width = width;
        this.height = height;
        this.argb = argb;
    }

    /** Image width in pixels. */
    public int width() {
        return width;
    }

    /** Image height in pixels. */
    public int height() {
        return height;
    }

    /**
     * Reads a PNG, JPEG, GIF (first frame) or BMP file.
     *
     * @throws IOException if the file cannot be read or is not an image in a supported format
     */
    public static ImageData load(Path path) throws IOException {
        BufferedImage img;
        try (var in = Files.newInputStream(path)) {
            img = ImageIO.read(in);
        }
        if (img == null) {
            throw new IOException("cannot read " + path + ": not a PNG, JPEG, GIF or BMP image");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        // getRGB converts any source colour model to non-premultiplied sRGB ARGB.
        return new ImageData(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }

    /**
     * Writes the image in the format its file name ends with, replacing the file if it exists:
     * {@code .png} (with alpha), {@code .jpg}/{@code .jpeg}, {@code .bmp} (no alpha: transparent
     * pixels become black, as an HTML canvas exports them) or {@code .gif} (256 colours, 1-bit alpha).
     *
     * @throws IllegalArgumentException for any other extension (nothing is written)
     */
    public void save(Path path) throws IOException {
        String format = formatOf(path);
        BufferedImage img = switch (format) {
            case "png", "gif" -> toBufferedImage();
            default -> opaque();
        };
        if (!ImageIO.write(img, format, path.toFile())) {
            throw new IOException("no " + format.toUpperCase(Locale.ROOT) + " writer available"); // JDK ImageIO has all four
        }
    }

    /**
     * The ImageIO format name for a file name's extension (case-insensitive).
     *
     * @throws IllegalArgumentException naming the extensions supported
     */
    public static String formatOf(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "png" -> "png";
            case "jpg", "jpeg" -> "jpeg";
            case "bmp" -> "bmp";
            case "gif" -> "gif";
            default -> throw new IllegalArgumentException("cannot tell the image format of '" + path.getFileName()
                    + "': the name must end with .png, .jpg, .jpeg, .bmp or .gif");
        };
    }

    /** An opaque RGB copy (straight colour times alpha, over black) for formats without alpha. */
    private BufferedImage opaque() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[argb.length];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = premultiply(argb[i]) & 0xFFFFFF;
        }
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    /** A new non-premultiplied {@code TYPE_INT_ARGB} copy, for Java2D and ImageIO. */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        // Its own int array holds non-premultiplied ARGB like ours: a copy, not setRGB's pixel-by-pixel path.
        System.arraycopy(argb, 0, ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData(), 0,
                argb.length);
        return img;
    }

    /** The pixels as RGBA bytes, row by row from the top (a new array: the image stays immutable). */
    public byte[] pixels() {
        byte[] out = new byte[argb.length * 4];
        for (int i = 0, j = 0; i < argb.length; i++, j += 4) {
            int p = argb[i];
            out[j] = (byte) (p >> 16);
            out[j + 1] = (byte) (p >> 8);
            out[j + 2] = (byte) p;
            out[j + 3] = (byte) (p >>> 24);
        }
        return out;
    }

    /** The pixels as packed non-premultiplied ARGB ints (a new array). */
    public int[] argb() {
        return argb.clone();
    }

    /** One pixel as packed non-premultiplied ARGB. */
    public int argb(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside " + width + "x" + height);
        }
        return argb[y * width + x];
    }

    /**
     * An image from RGBA bytes (copied), 4 bytes per pixel, rows from the top.
     *
     * @throws IllegalArgumentException if the size is not positive or there are too few bytes
     */
    public static ImageData fromPixels(byte[] rgba, int width, int height) {
        return fromPixels(MemorySegment.ofArray(rgba), width, height);
    }

    /**
     * An image from RGBA bytes in native or heap memory (copied), e.g. a Python buffer.
     *
     * @throws IllegalArgumentException if the size is not positive or there are too few bytes
     */
    public static ImageData fromPixels(MemorySegment rgba, int width, int height) {
        long n = checkSize(width, height);
        if (rgba.byteSize() < n * 4) {
            throw new IllegalArgumentException("from_pixels: " + width + "x" + height + " RGBA needs " + n * 4
                    + " bytes, got " + rgba.byteSize());
        }
        int[] argb = new int[(int) n];
        for (int i = 0; i < argb.length; i++) {
            // Read as a big-endian int: bytes R G B A become 0xRRGGBBAA, then rotate alpha to the top.
            int rgbaInt = rgba.get(RGBA, (long) i * 4);
            argb[i] = rgbaInt >>> 8 | rgbaInt << 24;
        }
        return new ImageData(width, height, argb);
    }

    /** An image from packed non-premultiplied ARGB ints (copied), rows from the top. */
    public static ImageData fromArgb(int[] argb, int width, int height) {
        long n = checkSize(width, height);
        if (argb.length < n) {
            throw new IllegalArgumentException(width + "x" + height + " needs " + n + " pixels, got " + argb.length);
        }
        return new ImageData(width, height, java.util.Arrays.copyOf(argb, (int) n));
    }

    /**
     * An image from premultiplied ARGB ints (as Java2D's {@code TYPE_INT_ARGB_PRE} and JavaFX's
     * {@code PixelBuffer} hold them), un-premultiplied into a copy.
     *
     * @param stride ints per row in {@code argbPre}
     */
    public static ImageData fromPremultiplied(int[] argbPre, int offset, int stride, int width, int height) {
        long n = checkSize(width, height);
        int[] out = new int[(int) n];
        for (int y = 0; y < height; y++) {
            int src = offset + y * stride;
            int dst = y * width;
            for (int x = 0; x < width; x++) {
                out[dst + x] = unpremultiply(argbPre[src + x]);
            }
        }
        return new ImageData(width, height, out);
    }

    /** Converts one premultiplied ARGB pixel to non-premultiplied, rounding to nearest. */
    public static int unpremultiply(int p) {
        int a = p >>> 24;
        if (a == 255) {
            return p;
        }
        if (a == 0) {
            return 0;
        }
        int r = Math.min(255, ((p >> 16 & 0xFF) * 255 + a / 2) / a);
        int g = Math.min(255, ((p >> 8 & 0xFF) * 255 + a / 2) / a);
        int b = Math.min(255, ((p & 0xFF) * 255 + a / 2) / a);
        return a << 24 | r << 16 | g << 8 | b;
    }

    /** Converts one non-premultiplied ARGB pixel to premultiplied, rounding to nearest. */
    public static int premultiply(int p) {
        int a = p >>> 24;
        if (a == 255) {
            return p;
        }
        if (a == 0) {
            return 0;
        }
        int r = ((p >> 16 & 0xFF) * a + 127) / 255;
        int g = ((p >> 8 & 0xFF) * a + 127) / 255;
        int b = ((p & 0xFF) * a + 127) / 255;
        return a << 24 | r << 16 | g << 8 | b;
    }

    @Override
    public String toString() {
        return "ImageData[" + width + "x" + height + "]";
    }

    private static final ValueLayout.OfInt RGBA =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);

    private static long checkSize(int width, int height) {
        long n = (long) width * height;
        if (width <= 0 || height <= 0 || n > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("invalid image size " + width + "x" + height);
        }
        return n;
    }
}
