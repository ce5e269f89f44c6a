package dev.easel.canvas.render;

import static org.lwjgl.opengl.GL33C.*;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.lwjgl.system.MemoryUtil;

/**
 * Many lines, rectangles, circles and points in one instanced draw call, with analytic antialiasing:
 * each instance is a quad around its shape, and the fragment shader computes how much of each pixel
 * the shape covers (the box-filter overlap, like the raster renderer's direct rasterizer). NanoVG
 * would issue a draw call per shape, which costs far more than the drawing on a CPU rasterizer.
 *
 * <p>Instances are in device pixels with premultiplied colours; source-over only. The caller keeps
 * the order with NanoVG's own drawing by flushing one before the other (see {@link GlPainter}).
 */
final class GlBatch implements AutoCloseable {
    static final int SEGMENT = 0;
    static final int SEGMENT_ROUND = 1;
    static final int SEGMENT_SQUARE = 2;
    static final int RECT = 3;
    static final int DISC = 4;
    static final int RING = 5;

    /** Floats per instance: geometry (4), colour (4), width and kind (2). */
    private static final int STRIDE = 10;

    private static final String VERTEX = """
            #version 330 core
            layout(location = 0) in vec4 geom;
            layout(location = 1) in vec4 color;
            layout(location = 2) in vec2 wk;
            uniform vec2 view;
            out vec2 pos;
            flat out vec4 g;
            flat out vec4 c;
            flat out vec2 k;
            void main() {
                vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
                int kind = int(wk.y);
                float m = max(wk.x, 1.0) * 0.5 + 1.5;
                if (kind <= 2) {
                    // A quad along the segment (not its bounding box: a long diagonal would cover far more pixels).
                    vec2 d = geom.zw - geom.xy;
                    float len = length(d);
                    vec2 u = len > 0.0 ? d / len : vec2(1.0, 0.0);
                    vec2 n = vec2(-u.y, u.x);
                    pos = geom.xy + u * mix(-m, len + m, corner.x) + n * mix(-m, m, corner.y);
                } else {
                    vec2 lo, hi;
                    if (kind == 3) { lo = geom.xy - 1.0; hi = geom.zw + 1.0; }
                    else { float r = geom.z + (kind == 5 ? m : 1.0); lo = geom.xy - r; hi = geom.xy + r; }
                    pos = mix(lo, hi, corner);
                }
                g = geom; c = color; k = wk;
                gl_Position = vec4(pos.x / view.x * 2.0 - 1.0, 1.0 - pos.y / view.y * 2.0, 0.0, 1.0);
            }
            """;

    private static final String FRAGMENT = """
            #version 330 core
            in vec2 pos;
            flat in vec4 g;
            flat in vec4 c;
            flat in vec2 k;
            uniform vec2 view;
            out vec4 outColor;
            // Overlap of the pixel's extent [x - 0.5, x + 0.5] with [a, b].
            float span(float x, float a, float b) { return clamp(min(x + 0.5, b) - max(x - 0.5, a), 0.0, 1.0); }
            void main() {
                // Fragment coordinates are y-up in the framebuffer; device pixels are y-down.
                vec2 p = vec2(gl_FragCoord.x, view.y - gl_FragCoord.y);
                int kind = int(k.y);
                float w = k.x, cov;
                if (kind <= 2) {
                    vec2 a = g.xy, d = g.zw - g.xy;
                    float len = length(d);
                    vec2 u = len > 0.0 ? d / len : vec2(1.0, 0.0);
                    vec2 q = p - a;
                    float t = dot(q, u), n = dot(q, vec2(-u.y, u.x));
                    if (kind == 1) {
                        float dist = length(q - u * clamp(t, 0.0, len));
                        cov = clamp(w * 0.5 + 0.5 - dist, 0.0, 1.0) * min(w, 1.0);
                    } else {
                        float ext = kind == 2 ? w * 0.5 : 0.0;
                        cov = span(n, -w * 0.5, w * 0.5) * span(t, -ext, len + ext);
                    }
                } else if (kind == 3) {
                    cov = span(p.x, g.x, g.z) * span(p.y, g.y, g.w);
                } else {
                    float dist = length(p - g.xy);
                    if (kind == 4) {
                        cov = clamp(g.z + 0.5 - dist, 0.0, 1.0);
                    } else {
                        cov = span(dist, g.z - w * 0.5, g.z + w * 0.5);
                    }
                }
                outColor = c * cov;
            }
            """;

    private final int program;
    private final int viewLoc;
    private final int vao;
    private final int vbo;
    private float[] data = new float[STRIDE * 4096];
    private int count;
    private FloatBuffer upload = MemoryUtil.memAllocFloat(data.length);
    /** The scissor the batched instances were added under (device x0, y0, x1, y1). */
    private final int[] clip = new int[4];

    /** Compiles the shaders; the context must be current. */
    GlBatch() {
        int vs = shader(GL_VERTEX_SHADER, VERTEX);
        int fs = shader(GL_FRAGMENT_SHADER, FRAGMENT);
        program = glCreateProgram();
        glAttachShader(program, vs);
        glAttachShader(program, fs);
        glLinkProgram(program);
        glDeleteShader(vs);
        glDeleteShader(fs);
        if (glGetProgrami(program, GL_LINK_STATUS) == GL_FALSE) {
            throw new GlRenderer.GlFailure("instancing shaders did not link: " + glGetProgramInfoLog(program));
        }
        viewLoc = glGetUniformLocation(program, "view");
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glVertexAttribPointer(0, 4, GL_FLOAT, false, STRIDE * 4, 0);
        glVertexAttribPointer(1, 4, GL_FLOAT, false, STRIDE * 4, 16);
        glVertexAttribPointer(2, 2, GL_FLOAT, false, STRIDE * 4, 32);
        for (int i = 0; i < 3; i++) {
            glEnableVertexAttribArray(i);
            glVertexAttribDivisor(i, 1);
        }
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
    }

    private static int shader(int type, String src) {
        int s = glCreateShader(type);
        glShaderSource(s, src);
        glCompileShader(s);
        if (glGetShaderi(s, GL_COMPILE_STATUS) == GL_FALSE) {
            throw new GlRenderer.GlFailure("instancing shader did not compile: " + glGetShaderInfoLog(s));
        }
        return s;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Whether instances added under this clip can join the batch (else flush first). */
    boolean sameClip(int x0, int y0, int x1, int y1) {
        return count == 0 || (clip[0] == x0 && clip[1] == y0 && clip[2] == x1 && clip[3] == y1);
    }

    void clip(int x0, int y0, int x1, int y1) {
        clip[0] = x0;
        clip[1] = y0;
        clip[2] = x1;
        clip[3] = y1;
    }

    /** Adds an instance: geometry in device pixels, a premultiplied colour (0..1), width, kind. */
    void add(double g0, double g1, double g2, double g3, float r, float gr, float b, float a, double width, int kind) {
        if ((count + 1) * STRIDE > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int i = count++ * STRIDE;
        data[i] = (float) g0;
        data[i + 1] = (float) g1;
        data[i + 2] = (float) g2;
        data[i + 3] = (float) g3;
        data[i + 4] = r;
        data[i + 5] = gr;
        data[i + 6] = b;
        data[i + 7] = a;
        data[i + 8] = (float) width;
        data[i + 9] = kind;
    }

    /** Draws the batch into the bound framebuffer ({@code pw × ph}) and empties it. */
    void flush(int pw, int ph) {
        if (count == 0) {
            return;
        }
        int floats = count * STRIDE;
        if (upload.capacity() < floats) {
            MemoryUtil.memFree(upload);
            upload = MemoryUtil.memAllocFloat(data.length);
        }
        upload.clear();
        upload.put(data, 0, floats).flip();
        glUseProgram(program);
        glUniform2f(viewLoc, pw, ph);
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, upload, GL_STREAM_DRAW);
        glEnable(GL_BLEND);
        glBlendEquation(GL_FUNC_ADD);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDisable(GL_STENCIL_TEST);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glColorMask(true, true, true, true);
        glEnable(GL_SCISSOR_TEST);
        glScissor(clip[0], ph - clip[3], Math.max(0, clip[2] - clip[0]), Math.max(0, clip[3] - clip[1]));
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count);
        glDisable(GL_SCISSOR_TEST);
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        glUseProgram(0);
        count = 0;
    }

    /** Frees the GL objects (context current). */
    @Override
    public void close() {
        glDeleteProgram(program);
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
        MemoryUtil.memFree(upload);
    }
}
