/**
 * What shows a canvas' frames, run by the thread that renders them: a window's raster thread, or
 * the canvas thread itself headless. A view never names the canvas loop: it is handed a
 * {@link dev.easel.canvas.host.view.ViewContext} (background, renderer, save requests, a render-time
 * sink, the size), and each {@link dev.easel.canvas.host.view.Frame} gives its list back through a
 * recycler.
 */
package dev.easel.canvas.host.view;
