/**
 * Renderers: turn finished {@link dev.easel.canvas.DisplayList}s into pixels.
 *
 * <p>{@link dev.easel.canvas.render.Java2dRenderer} rasterizes on the calling thread into its own
 * premultiplied ARGB buffer (Java2D plus a direct rasterizer for thin lines, rectangles, points and
 * circles) and is the default. docs/rendering.md has the measurements behind the choice.
 */
package dev.easel.canvas.render;
