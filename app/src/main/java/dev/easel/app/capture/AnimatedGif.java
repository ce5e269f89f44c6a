package dev.easel.app.capture;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An animated, looping GIF through the JDK's ImageIO GIF writer (a palette of up to 256 colours
 * per frame, built by the writer). GIF delays are in hundredths of a second: 60 fps is written as
 * 2/100 s per frame, as every GIF player rounds anyway.
 */
public final class AnimatedGif implements Recording {
    private final Path target;
    private final Path temp;
    private final ImageWriter writer;
    private final ImageOutputStream out;
    private final int delayCs;
    private int frames;

    AnimatedGif(Path file, double fps) throws IOException {
        target = file;
        temp = Recording.partial(file);
        writer = ImageIO.getImageWritersByFormatName("gif").next();
        out = ImageIO.createImageOutputStream(Files.newOutputStream(temp));
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        delayCs = (int) Math.max(2, Math.round(100 / fps));
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        BufferedImage rgb = frame;
        if (frame.getType() != BufferedImage.TYPE_INT_RGB) {
            // GIF has one transparent index at most: frames are opaque, as shown on screen.
            rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(frame, 0, 0, null);
        }
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", String.valueOf(delayCs));
        gce.setAttribute("transparentColorIndex", "0");
        if (frames == 0) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[]{1, 0, 0}); // loop for ever
            apps.appendChild(loop);
        }
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(rgb, null, meta), param);
        frames++;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        boolean ok = false;
        try {
            writer.endWriteSequence();
            out.close();
            Recording.place(temp, target);
            ok = true;
        } finally {
            writer.dispose();
            if (!ok) {
                abort();
            }
        }
    }

    @Override
    public void abort() {
        try {
            out.close();
        } catch (IOException ignored) {
            // deleted below
        }
        writer.dispose();
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // deleted when the JVM exits
        }
    }
}
