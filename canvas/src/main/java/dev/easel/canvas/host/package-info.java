/**
 * The session: one run of a sketch, on the app's threads and the script's thread {@code easel-main}.
 * {@link dev.easel.canvas.host.Session} wires the packages below it, which depend one way:
 * {@code host} -> {@code host.python} (the built-ins) -> {@code host.loop} (the canvas threads) ->
 * {@code host.view} (the rendering threads). Each lower package names what it needs of the one
 * above as an interface that the upper one implements ({@code SketchRun}, {@code CanvasOwner},
 * {@code CanvasControl}, {@code ViewContext}), so no package imports one above it.
 */
package dev.easel.canvas.host;
