/**
 * The launcher's work off the FX thread: sketches run as child {@code easel run} processes (so a
 * run from the launcher behaves exactly as one from the command line, and a crashing sketch takes
 * nothing else down), their output collected line by line, example thumbnails rendered headless
 * and cached, recent files and settings kept. No JavaFX and no Python here: background threads only.
 */
package dev.easel.app.runs;
