package dev.easel.app;

import dev.easel.canvas.CursorShape;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * What a sketch changes about its window while it runs, applied to a JavaFX stage: title, cursor,
 * full screen, size. FX thread only; none of it runs Python.
 */
final class FxWindowSettings {
    private FxWindowSettings() {}

    /** The JavaFX cursor for {@code c} (the switch fails to compile when a shape is added without one). */
    static Cursor cursor(CursorShape c) {
        return switch (c) {
            case DEFAULT -> Cursor.DEFAULT;
            case NONE -> Cursor.NONE;
            case CROSSHAIR -> Cursor.CROSSHAIR;
            case HAND -> Cursor.HAND;
            case TEXT -> Cursor.TEXT;
            case MOVE -> Cursor.MOVE;
            case WAIT -> Cursor.WAIT;
            case GRAB -> Cursor.OPEN_HAND;
            case GRABBING -> Cursor.CLOSED_HAND;
            case EW_RESIZE -> Cursor.H_RESIZE;
            case NS_RESIZE -> Cursor.V_RESIZE;
            case NESW_RESIZE, NE_RESIZE -> Cursor.NE_RESIZE;
            case NWSE_RESIZE, NW_RESIZE -> Cursor.NW_RESIZE;
            case N_RESIZE -> Cursor.N_RESIZE;
            case E_RESIZE -> Cursor.E_RESIZE;
            case S_RESIZE -> Cursor.S_RESIZE;
            case W_RESIZE -> Cursor.W_RESIZE;
            case SE_RESIZE -> Cursor.SE_RESIZE;
            case SW_RESIZE -> Cursor.SW_RESIZE;
        };
    }

    /** Makes the scene {@code w} x {@code h}: the stage grows or shrinks by the difference (decorations stay). */
    static void resizeScene(Stage stage, Scene scene, int w, int h) {
        double dw = stage.getWidth() - scene.getWidth();
        double dh = stage.getHeight() - scene.getHeight();
        stage.setWidth(w + (Double.isNaN(dw) ? 0 : dw));
        stage.setHeight(h + (Double.isNaN(dh) ? 0 : dh));
    }
}
