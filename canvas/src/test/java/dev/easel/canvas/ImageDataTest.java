package dev.easel.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images: RGBA in and out, PNG round trips, the formats load() reads. */
class ImageDataTest {
    private static final byte[] RGBA = {
        (byte) 255, 0, 0, (byte) 255, 0, (byte) 255, 0, (byte) 128,
        0, 0, (byte) 255, 0, 10, 20, 30, 40,
    };

    @Test
    void pixelsRoundTrip() {
        ImageData img = ImageData.fromPixels(RGBA, 2, 2);
        assertEquals(2, img.width());
        assertEquals(2, img.height());
        assertArrayEquals(RGBA, img.pixels());
        assertEquals(0xFFFF0000, img.argb(0, 0));
        assertEquals(0x8000FF00, img.argb(1, 0));
        assertEquals(0x280A141E, img.argb(1, 1));
    }

    @Test
    void immutable() {
        byte[] src = RGBA.clone();
        ImageData img = ImageData.fromPixels(src, 2, 2);
        src[0] = 0;
        img.pixels()[0] = 0;
        img.argb()[0] = 0;
        assertEquals(0xFFFF0000, img.argb(0, 0));
    }

    @Test
    void badSizes() {
        assertThrows(IllegalArgumentException.class, () -> ImageData.fromPixels(RGBA, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> ImageData.fromPixels(RGBA, 0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> ImageData.fromPixels(RGBA, 2, 2).argb(2, 0));
    }

    @Test
    void pngRoundTripKeepsAlpha(@TempDir Path dir) throws IOException {
        ImageData img = ImageData.fromPixels(RGBA, 2, 2);
        Path png = dir.resolve("x.png");
        img.save(png);
        assertArrayEquals(RGBA, ImageData.load(png).pixels());
    }

    @Test
    void saveChoosesTheFormatByExtension(@TempDir Path dir) throws IOException {
        ImageData img = ImageData.fromPixels(RGBA, 2, 2);
        String[][] cases = {{"a.png", "89504e47"}, {"b.JPG", "ffd8ff"}, {"c.jpeg", "ffd8ff"}, {"d.bmp", "424d"},
                {"e.gif", "47494638"}};
        for (String[] c : cases) {
            Path p = dir.resolve(c[0]);
            img.save(p);
            assertTrue(java.util.HexFormat.of().formatHex(Files.readAllBytes(p)).startsWith(c[1]), c[0]);
            ImageData back = ImageData.load(p);
            assertEquals(2, back.width(), c[0]);
        }
        assertEquals(0xFFFF0000, ImageData.load(dir.resolve("d.bmp")).argb(0, 0), "BMP keeps colours exactly");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> img.save(dir.resolve("f.tiff")));
        assertTrue(e.getMessage().contains(".png"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> img.save(dir.resolve("noextension")));
        assertFalse(Files.exists(dir.resolve("f.tiff")), "nothing written for an unknown format");
    }

    @Test
    void loadsJpegGifAndBmp(@TempDir Path dir) throws IOException {
        BufferedImage rgb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                rgb.setRGB(x, y, 0xFF0000);
            }
        }
        for (String format : new String[] {"jpg", "gif", "bmp"}) {
            Path f = dir.resolve("x." + format);
            ImageIO.write(rgb, format, f.toFile());
            ImageData img = ImageData.load(f);
            assertEquals(8, img.width(), format);
            int p = img.argb(4, 4);
            assertEquals(0xFF, p >>> 24, format);
            assertEquals(255, p >> 16 & 0xFF, 8, format);
        }
    }

    @Test
    void loadRejectsWhatIsNotAnImage(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("x.png"), "not an image");
        IOException e = assertThrows(IOException.class, () -> ImageData.load(f));
        assertEquals("cannot read " + f + ": not a PNG, JPEG, GIF or BMP image", e.getMessage());
        assertThrows(IOException.class, () -> ImageData.load(dir.resolve("missing.png")));
    }

    @Test
    void premultipliedConversions() {
        int[] pre = {0x80400000, 0xFF123456, 0};
        ImageData img = ImageData.fromPremultiplied(pre, 0, 3, 3, 1);
        assertEquals(0x80800000, img.argb(0, 0));
        assertEquals(0xFF123456, img.argb(1, 0));
        assertEquals(0, img.argb(2, 0));
        assertEquals(0x80400000, ImageData.premultiply(0x80800000));
    }
}
