/**
 * Recording a canvas' shown frames: a PNG sequence, an animated GIF or an MP4 (H.264, through
 * jcodec). Frames are handed over by the thread that has them and encoded on the recording's own
 * thread, so neither the FX thread nor a canvas thread ever encodes.
 */
package dev.easel.app.capture;
