/**
 * The launcher and its consoles, on the JavaFX Application Thread: the gallery of examples, Open,
 * New sketch, recent files, the Python choice, and a console per run. Everything slow (processes,
 * files, rendering thumbnails) is handed to {@link dev.easel.app.runs}; nothing here runs Python.
 */
package dev.easel.app.launcher;
