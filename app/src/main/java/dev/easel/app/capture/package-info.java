/**
 * Recording a canvas' shown frames: a PNG sequence, an animated GIF or an MP4 (H.264, through
 * jcodec). Frames are handed over by the thread that has them and encoded on the recording's own
 * thread, so neither the FX thread nor a canvas thread ever encodes: {@link dev.easel.app.capture.Recorder}
 * for {@code --record} (the frames wait for the encoder: none lost), {@link dev.easel.app.capture.LiveRecorder}
 * for a window (the window never waits: frames wait in a spool, or are skipped in real time).
 */
package dev.easel.app.capture;
