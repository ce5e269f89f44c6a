/**
 * The benchmarks {@code easel bench draw|scale|runaway|reload} runs, each a {@code main} the app
 * starts in a child JVM on its own class path.
 *
 * <p>Why here and not in a separate module or source set: the app must reach them at run time, in
 * the installed app too, so a separate module would be one more jar to build, depend on and ship
 * for a few small classes; they are kept apart by package instead, use only public API, and
 * nothing in the toolkit depends on them. The developer-only benchmark of the drawing core
 * ({@code RenderBench}, which also measures the JavaFX-canvas reference renderer) lives in the
 * canvas tests.
 */
package dev.easel.canvas.bench;
