/**
 * The canvas threads ({@code easel-canvas-<slug>}): each canvas' game loop, its clock, errors,
 * live reload and statistics, and the views it opens. A canvas reports to its session through
 * {@link dev.easel.canvas.host.loop.CanvasOwner}; other threads talk to it only through the
 * flags and inbox of {@link dev.easel.canvas.host.loop.CanvasHost}.
 */
package dev.easel.canvas.host.loop;
