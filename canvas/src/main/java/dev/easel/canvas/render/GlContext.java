package dev.easel.canvas.render;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EGL14;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.FunctionProvider;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * An offscreen OpenGL 3.3 core context that any one thread at a time can make current: EGL on
 * Mesa's surfaceless platform first (no display server needed), else EGL's default display, else a
 * hidden GLFW window (needs a display). Rendering goes into framebuffer objects, never to a surface.
 *
 * <p>The system property {@code easel.gl.fail} (any value) makes {@link #create} fail: it is how tests
 * force the fallback to the raster renderer. {@code easel.gl.context} ({@code surfaceless}, {@code egl}
 * or {@code glfw}) tries only that way.
 */
final class GlContext implements AutoCloseable {
    private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;
    private static final int EGL_OPENGL_BIT = 0x0008;
    private static final int EGL_CONTEXT_MAJOR_VERSION = 0x3098;
    private static final int EGL_CONTEXT_MINOR_VERSION = 0x30FB;
    private static final int EGL_CONTEXT_OPENGL_PROFILE_MASK = 0x30FD;

    /** What a context reports about its device. */
    record Info(String vendor, String renderer, String version, String via) {
        /** Whether GL runs on the CPU (Mesa llvmpipe/softpipe, or any software rasterizer). */
        boolean software() {
            String r = renderer.toLowerCase(java.util.Locale.ROOT);
            return r.contains("llvmpipe") || r.contains("softpipe") || r.contains("software") || r.contains("swrast");
        }

        @Override
        public String toString() {
            return vendor + " | " + renderer + " | " + version + " (" + via + ")";
        }
    }

    /** GL's function pointers come from EGL (which, with GLVND, also serves GLX contexts). Set once per JVM. */
    private static final class Loader {
        static final Throwable FAILURE = init();

        private static Throwable init() {
            try {
                Configuration.OPENGL_EXPLICIT_INIT.set(true);
                EGLCapabilities caps = EGL.getCapabilities(); // loads libEGL
                FunctionProvider egl = new FunctionProvider() {
                    @Override
                    public long getFunctionAddress(ByteBuffer name) {
                        return EGL10.eglGetProcAddress(name);
                    }
                };
                GL.create(egl);
                return caps == null ? new IllegalStateException("no EGL") : null;
            } catch (Throwable t) {
                return t;
            }
        }
    }

    private final long display; // EGL display, or 0 for GLFW
    private final long context; // EGL context or GLFW window
    private final GLCapabilities caps;
    private final Info info;
    private boolean closed;

    private GlContext(long display, long context, String via) {
        this.display = display;
        this.context = context;
        makeCurrent0();
        try {
            this.caps = GL.createCapabilities();
            if (!caps.OpenGL33) {
                throw new IllegalStateException("OpenGL 3.3 needed, got " + GL11.glGetString(GL11.GL_VERSION));
            }
            this.info = new Info(GL11.glGetString(GL11.GL_VENDOR), GL11.glGetString(GL11.GL_RENDERER),
                    GL11.glGetString(GL11.GL_VERSION), via);
        } catch (RuntimeException e) {
            release();
            destroy();
            throw e;
        }
        release();
    }

    /** A new context, or why there is none. */
    static GlContext create() throws GlUnavailableException {
        if (System.getProperty("easel.gl.fail") != null) {
            throw new GlUnavailableException("OpenGL disabled by -Deasel.gl.fail");
        }
        if (Loader.FAILURE != null) {
            throw new GlUnavailableException("cannot load EGL/OpenGL: " + Loader.FAILURE, Loader.FAILURE);
        }
        // -Deasel.gl.context=surfaceless|egl|glfw tries only that way (diagnosis, tests).
        String only = System.getProperty("easel.gl.context");
        StringBuilder why = new StringBuilder();
        if (only == null || only.equals("surfaceless")) {
            try {
                return egl(true);
            } catch (RuntimeException | LinkageError e) {
                why.append("EGL surfaceless: ").append(e.getMessage());
            }
        }
        if (only == null || only.equals("egl")) {
            try {
                return egl(false);
            } catch (RuntimeException | LinkageError e) {
                why.append(why.isEmpty() ? "" : "; ").append("EGL default display: ").append(e.getMessage());
            }
        }
        if (only == null || only.equals("glfw")) {
            try {
                return glfw();
            } catch (RuntimeException | LinkageError e) {
                why.append(why.isEmpty() ? "" : "; ").append("GLFW hidden window: ").append(e.getMessage());
            }
        }
        if (why.isEmpty()) {
            why.append("easel.gl.context must be surfaceless, egl or glfw, not '").append(only).append("'");
        }
        throw new GlUnavailableException(why.toString());
    }

    private static GlContext egl(boolean surfaceless) {
        EGLCapabilities client = EGL.getCapabilities();
        long dpy;
        try (MemoryStack s = MemoryStack.stackPush()) {
            if (surfaceless) {
                String ext = EGL10.eglQueryString(EGL10.EGL_NO_DISPLAY, EGL10.EGL_EXTENSIONS);
                if (ext == null || !ext.contains("EGL_MESA_platform_surfaceless") || client.eglGetPlatformDisplay == 0) {
                    throw new IllegalStateException("no EGL_MESA_platform_surfaceless");
                }
                PointerBuffer attrs = s.mallocPointer(1).put(0, EGL10.EGL_NONE);
                // LWJGL's wrapper refuses native display 0, which is what this platform wants: call it directly.
                dpy = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, MemoryUtil.NULL, MemoryUtil.memAddress(attrs),
                        client.eglGetPlatformDisplay);
            } else {
                dpy = EGL10.eglGetDisplay(MemoryUtil.NULL); // EGL_DEFAULT_DISPLAY
            }
            if (dpy == EGL10.EGL_NO_DISPLAY) {
                throw new IllegalStateException("no display (EGL error 0x" + Integer.toHexString(EGL10.eglGetError()) + ")");
            }
            IntBuffer major = s.mallocInt(1), minor = s.mallocInt(1);
            if (!EGL10.eglInitialize(dpy, major, minor)) {
                throw new IllegalStateException("eglInitialize failed (0x" + Integer.toHexString(EGL10.eglGetError()) + ")");
            }
            if (!EGL14.eglBindAPI(EGL14.EGL_OPENGL_API)) {
                throw new IllegalStateException("no desktop OpenGL through EGL");
            }
            IntBuffer cfgAttrs = s.ints(EGL10.EGL_SURFACE_TYPE, 0, org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL10.EGL_NONE);
            PointerBuffer cfg = s.mallocPointer(1);
            IntBuffer n = s.mallocInt(1);
            if (!EGL10.eglChooseConfig(dpy, cfgAttrs, cfg, n) || n.get(0) == 0) {
                throw new IllegalStateException("no OpenGL config");
            }
            IntBuffer ctxAttrs = s.ints(EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                    EGL_CONTEXT_OPENGL_PROFILE_MASK, 1, EGL10.EGL_NONE);
            long ctx = EGL10.eglCreateContext(dpy, cfg.get(0), EGL10.EGL_NO_CONTEXT, ctxAttrs);
            if (ctx == EGL10.EGL_NO_CONTEXT) {
                throw new IllegalStateException("eglCreateContext failed (0x" + Integer.toHexString(EGL10.eglGetError()) + ")");
            }
            return new GlContext(dpy, ctx, surfaceless ? "EGL surfaceless" : "EGL");
        }
    }

    private static GlContext glfw() {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new IllegalStateException("no DISPLAY");
        }
        synchronized (GLFW.class) { // glfwInit is not thread-safe; it is idempotent
            if (!GLFW.glfwInit()) {
                throw new IllegalStateException("glfwInit failed");
            }
            GLFW.glfwDefaultWindowHints();
            GLFW.glfwWindowHint(GLFW.GLFW_VISIBLE, GLFW.GLFW_FALSE);
            GLFW.glfwWindowHint(GLFW.GLFW_CONTEXT_VERSION_MAJOR, 3);
            GLFW.glfwWindowHint(GLFW.GLFW_CONTEXT_VERSION_MINOR, 3);
            GLFW.glfwWindowHint(GLFW.GLFW_OPENGL_PROFILE, GLFW.GLFW_OPENGL_CORE_PROFILE);
            long window = GLFW.glfwCreateWindow(16, 16, "easel-gl", MemoryUtil.NULL, MemoryUtil.NULL);
            if (window == MemoryUtil.NULL) {
                throw new IllegalStateException("glfwCreateWindow failed");
            }
            return new GlContext(0, window, "GLFW hidden window");
        }
    }

    private void makeCurrent0() {
        if (display != 0) {
            if (!EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, context)) {
                throw new IllegalStateException("eglMakeCurrent failed (0x" + Integer.toHexString(EGL10.eglGetError()) + ")");
            }
        } else {
            GLFW.glfwMakeContextCurrent(context);
        }
    }

    /** Makes this context current on the calling thread (and LWJGL's function table with it). */
    void makeCurrent() {
        if (closed) {
            throw new IllegalStateException("GL context closed");
        }
        makeCurrent0();
        GL.setCapabilities(caps);
    }

    /** Makes no context current on the calling thread, so another thread may take this one. */
    void release() {
        if (display != 0) {
            EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_CONTEXT);
        } else {
            GLFW.glfwMakeContextCurrent(MemoryUtil.NULL);
        }
        GL.setCapabilities(null);
    }

    Info info() {
        return info;
    }

    private void destroy() {
        if (display != 0) {
            EGL10.eglDestroyContext(display, context); // the display stays initialised: EGL shares it per process
        } else {
            GLFW.glfwDestroyWindow(context);
        }
    }

    /** Destroys the context (not current anywhere). Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            destroy();
        }
    }
}
