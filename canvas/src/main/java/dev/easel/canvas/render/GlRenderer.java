package dev.easel.canvas.render;

import static org.lwjgl.opengl.GL33C.*;

import dev.easel.canvas.DisplayList;
import dev.easel.canvas.ImageData;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.lwjgl.nanovg.NanoVG;
import org.lwjgl.nanovg.NanoVGGL3;
import org.lwjgl.system.MemoryUtil;

/**
 * Renders display lists with OpenGL (through LWJGL) into an offscreen framebuffer, and hands the
 * pixels over in the same form as {@link Java2dRenderer}: premultiplied ARGB ints, row-major, top row
 * first, {@link #pixelWidth()} per row. Paths, shapes and strokes go through NanoVG, gradients and
 * text are rasterized by Java2D into textures, images are textures (see {@link GlPainter}).
 *
 * <p>Read-back is asynchronous: {@link #render} ends by queueing a copy of the frame into a pixel
 * buffer object and returns; the copy into the int array happens when {@link #pixels()} (or
 * {@link #snapshot()}) is next called, so the GPU works while the caller goes on.
 *
 * <p>Threads: like Java2dRenderer, one thread at a time, any thread (the context is made current
 * for each call and released after). Failures: {@link GlUnavailableException} when there is no GL;
 * {@link GlFailure} when a GL call fails later: the caller falls back to the raster renderer.
 */
public final class GlRenderer implements Renderer, AutoCloseable {
    /** A GL error while rendering or reading back: this renderer is unusable from then on. */
    public static final class GlFailure extends RuntimeException {
        GlFailure(String message) {
            super(message);
        }
    }

    private final int width;
    private final int height;
    private final double scale;
    private final int pw;
    private final int ph;
    private final GlContext gl;
    private final int fbo;
    private final int colorTex;
    private final int stencil;
    private final int pbo;
    private final long vg;
    private final GlPainter painter;
    private final GlBatch batch;
    private final int[] pixels;
    private final IntBuffer row;
    /** NanoVG images of ImageData, per smoothing; freed with the renderer. */
    private final Map<ImageData, Integer> smoothImages = new WeakHashMap<>();
    private final Map<ImageData, Integer> nearestImages = new WeakHashMap<>();
    private final List<Integer> allImages = new ArrayList<>();
    /** Textures made for one batch (gradients, text), deleted after it is drawn. */
    private final List<Integer> tempImages = new ArrayList<>();
    private final Set<String> warned = new HashSet<>();
    private boolean readPending;
    private boolean closed;
    private boolean failNext;

    private GlRenderer(int width, int height, double scale, GlContext gl) {
        this.width = width;
        this.height = height;
        this.scale = scale;
        this.pw = (int) Math.ceil(width * scale - 1e-9);
        this.ph = (int) Math.ceil(height * scale - 1e-9);
        this.gl = gl;
        this.pixels = new int[pw * ph];
        this.row = MemoryUtil.memAllocInt(pw);
        gl.makeCurrent();
        try {
            colorTex = glGenTextures();
            glBindTexture(GL_TEXTURE_2D, colorTex);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, pw, ph, 0, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, (ByteBuffer) null);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
            stencil = glGenRenderbuffers();
            glBindRenderbuffer(GL_RENDERBUFFER, stencil);
            glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, pw, ph);
            fbo = glGenFramebuffers();
            glBindFramebuffer(GL_FRAMEBUFFER, fbo);
            glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colorTex, 0);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, stencil);
            int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
            if (status != GL_FRAMEBUFFER_COMPLETE) {
                throw new GlFailure("framebuffer incomplete: 0x" + Integer.toHexString(status));
            }
            glViewport(0, 0, pw, ph);
            glClearColor(0, 0, 0, 0);
            glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
            pbo = glGenBuffers();
            glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
            glBufferData(GL_PIXEL_PACK_BUFFER, (long) pw * ph * 4, GL_STREAM_READ);
            glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
            vg = NanoVGGL3.nvgCreate(NanoVGGL3.NVG_ANTIALIAS);
            if (vg == 0) {
                throw new GlFailure("NanoVG could not start (shaders failed to compile?)");
            }
            batch = new GlBatch();
            check("setting up");
        } finally {
            gl.release();
        }
        painter = new GlPainter(this, vg, batch);
    }

    /**
     * A renderer for a canvas of {@code width × height} logical pixels at the pixel scale, initially
     * transparent, on a new offscreen context.
     *
     * @throws GlUnavailableException when no GL context can be had or set up (the message says why)
     * @throws IllegalArgumentException if a size is not positive or the scale is not in (0, 16]
     */
    public static GlRenderer create(int width, int height, double pixelScale) throws GlUnavailableException {
        if (width <= 0 || height <= 0 || !(pixelScale > 0 && pixelScale <= 16)) {
            throw new IllegalArgumentException("invalid canvas " + width + "x" + height + " at scale " + pixelScale);
        }
        GlContext gl = GlContext.create();
        try {
            return new GlRenderer(width, height, pixelScale, gl);
        } catch (RuntimeException | LinkageError e) {
            gl.close();
            throw new GlUnavailableException("OpenGL renderer setup failed: " + e.getMessage(), e);
        }
    }

    /**
     * What OpenGL this machine offers, as "vendor | renderer | version (how)", for {@code easel doctor}
     * and benchmarks; the exception says why there is none.
     */
    public static String probe() throws GlUnavailableException {
        try (GlContext gl = GlContext.create()) {
            return gl.info().toString();
        }
    }

    /** The GL device behind this renderer: "vendor | renderer | version (how)". */
    public String glRenderer() {
        return gl.info().toString();
    }

    /** Whether GL runs on the CPU here (Mesa llvmpipe and the like), not on a GPU. */
    public boolean software() {
        return gl.info().software();
    }

    @Override
    public synchronized void render(DisplayList list) {
        if (!list.isFinished()) {
            throw new IllegalStateException("replay needs a finished display list: call finish() first");
        }
        if (closed) {
            throw new IllegalStateException("renderer closed");
        }
        if (failNext) {
            failNext = false;
            throw new GlFailure("failure forced by a test");
        }
        gl.makeCurrent();
        try {
            glBindFramebuffer(GL_FRAMEBUFFER, fbo);
            glViewport(0, 0, pw, ph);
            NanoVG.nvgBeginFrame(vg, pw, ph, 1);
            painter.begin(pw, ph, scale);
            try {
                list.replay(painter);
                painter.flushBatch();
            } finally {
                NanoVG.nvgEndFrame(vg);
                deleteTemps();
            }
            glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
            glReadPixels(0, 0, pw, ph, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, 0L);
            glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
            readPending = true;
            check("rendering");
        } finally {
            gl.release();
        }
    }

    /** Copies the queued read-back into {@link #pixels}, flipping rows (GL's first row is the bottom one). */
    private void finishRead() {
        if (!readPending) {
            return;
        }
        gl.makeCurrent();
        try {
            glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
            ByteBuffer mapped = glMapBufferRange(GL_PIXEL_PACK_BUFFER, 0, (long) pw * ph * 4, GL_MAP_READ_BIT);
            if (mapped == null) {
                glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
                check("mapping the pixel buffer");
                throw new GlFailure("could not map the pixel buffer");
            }
            IntBuffer ints = mapped.asIntBuffer();
            for (int y = 0; y < ph; y++) {
                ints.get((ph - 1 - y) * pw, pixels, y * pw, pw);
            }
            glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
            glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
            readPending = false;
            check("reading back");
        } finally {
            gl.release();
        }
    }

    // ---------------------------------------------------------------- for GlPainter (context current)

    /** Draws what NanoVG has queued, so GL can be used directly; NanoVG starts a new batch. */
    void flushNanoVg() {
        flushVg();
    }

    private void flushVg() {
        NanoVG.nvgEndFrame(vg);
        deleteTemps();
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glViewport(0, 0, pw, ph);
        NanoVG.nvgBeginFrame(vg, pw, ph, 1);
    }

    private void deleteTemps() {
        for (int img : tempImages) {
            NanoVG.nvgDeleteImage(vg, img);
        }
        tempImages.clear();
    }

    /** Sets the device rectangle [x0, x1) × [y0, y1) to a premultiplied colour. */
    void clearDevice(int x0, int y0, int x1, int y1, int argbPre) {
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        flushVg();
        glEnable(GL_SCISSOR_TEST);
        glScissor(x0, ph - y1, x1 - x0, y1 - y0);
        glColorMask(true, true, true, true);
        glClearColor((argbPre >> 16 & 255) / 255f, (argbPre >> 8 & 255) / 255f, (argbPre & 255) / 255f, (argbPre >>> 24) / 255f);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
    }

    /** Replaces a device rectangle's pixels with premultiplied ARGB rows (top row first). */
    void writeDevice(int x, int y, int w, int h, int[] argbPre) {
        flushVg();
        int[] flipped = new int[argbPre.length];
        for (int j = 0; j < h; j++) {
            System.arraycopy(argbPre, j * w, flipped, (h - 1 - j) * w, w);
        }
        glBindTexture(GL_TEXTURE_2D, colorTex);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glPixelStorei(GL_UNPACK_SKIP_PIXELS, 0);
        glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
        glTexSubImage2D(GL_TEXTURE_2D, 0, x, ph - y - h, w, h, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, flipped);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    /** A NanoVG image of a patch, deleted after the current batch. */
    int tempImage(GlRaster.Patch p) {
        int img = NanoVG.nvgCreateImageRGBA(vg, p.w(), p.h(), NanoVG.NVG_IMAGE_PREMULTIPLIED, p.rgba());
        if (img == 0) {
            throw new GlFailure("could not create a " + p.w() + "x" + p.h() + " texture");
        }
        tempImages.add(img);
        return img;
    }

    /** The NanoVG image of an ImageData (premultiplied, made once per smoothing while it lives). */
    int image(ImageData image, boolean smooth) {
        Map<ImageData, Integer> cache = smooth ? smoothImages : nearestImages;
        Integer id = cache.get(image);
        if (id == null) {
            int[] argb = image.argb();
            ByteBuffer rgba = MemoryUtil.memAlloc(argb.length * 4);
            try {
                for (int c : argb) {
                    int p = ImageData.premultiply(c);
                    rgba.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p).put((byte) (p >>> 24));
                }
                rgba.flip();
                int flags = NanoVG.NVG_IMAGE_PREMULTIPLIED | (smooth ? 0 : NanoVG.NVG_IMAGE_NEAREST);
                id = NanoVG.nvgCreateImageRGBA(vg, image.width(), image.height(), flags, rgba);
            } finally {
                MemoryUtil.memFree(rgba);
            }
            if (id == 0) {
                throw new GlFailure("could not create a " + image.width() + "x" + image.height() + " texture");
            }
            cache.put(image, id);
            allImages.add(id);
        }
        return id;
    }

    /** Makes the next {@link #render} fail as a broken GL would: for tests of the fallback. */
    synchronized void failNextRender() {
        failNext = true;
    }

    /** Says once per renderer that something is drawn differently from the raster renderer. */
    void warnOnce(String what) {
        if (warned.add(what)) {
            System.err.println("easel: " + what + " (docs/gpu.md)");
        }
    }

    private void check(String when) {
        int err = glGetError();
        if (err != GL_NO_ERROR) {
            throw new GlFailure("OpenGL error 0x" + Integer.toHexString(err) + " while " + when);
        }
    }

    // ---------------------------------------------------------------- like Java2dRenderer

    @Override
    public double pixelScale() {
        return scale;
    }

    /** Logical width. */
    public int width() {
        return width;
    }

    /** Logical height. */
    public int height() {
        return height;
    }

    /** Width of the pixel buffer in device pixels. */
    public int pixelWidth() {
        return pw;
    }

    /** Height of the pixel buffer in device pixels. */
    public int pixelHeight() {
        return ph;
    }

    /**
     * The pixels of the last frame rendered: premultiplied ARGB, row-major, top row first,
     * {@link #pixelWidth()} ints per row; the array is this renderer's own, updated by each call.
     */
    public synchronized int[] pixels() {
        finishRead();
        return pixels;
    }

    /** A copy of the current pixels as an immutable, non-premultiplied image (device pixels). */
    public synchronized ImageData snapshot() {
        finishRead();
        return ImageData.fromPremultiplied(pixels, 0, pw, pw, ph);
    }

    /** Frees the GL objects and the context. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            gl.makeCurrent();
            for (int img : allImages) {
                NanoVG.nvgDeleteImage(vg, img);
            }
            NanoVGGL3.nvgDelete(vg);
            batch.close();
            glDeleteBuffers(pbo);
            glDeleteFramebuffers(fbo);
            glDeleteRenderbuffers(stencil);
            glDeleteTextures(colorTex);
            gl.release();
        } catch (RuntimeException ignored) {
            // Closing a broken context: nothing more to free than the context itself.
        } finally {
            gl.close();
            MemoryUtil.memFree(row);
        }
    }
}
