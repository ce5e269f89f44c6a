package dev.easel.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Places the windows of one run side by side, left to right and then in rows, on the screen of the
 * first one, so that two canvases shown at once are both visible (a window system without a
 * window manager, like a bare X server, would stack them all in the middle). The first window
 * stays where JavaFX put it (centred); windows that do not fit fall back to a cascade. FX thread.
 */
final class WindowPlacer {
    private static final double GAP = 16;
    private static final double CASCADE = 32;
    private Rectangle2D last;
    private double rowTop;
    private double rowBottom;
    private int placed;

    void place(Stage stage) {
        double w = stage.getWidth(), h = stage.getHeight();
        if (!(w > 0 && h > 0)) {
            return;
        }
        if (placed++ == 0 || last == null) {
            remember(stage.getX(), stage.getY(), w, h, true);
            return;
        }
        Rectangle2D screen = Screen.getScreensForRectangle(last).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        double x = last.getMaxX() + GAP;
        double y = rowTop;
        boolean newRow = false;
        if (x + w > screen.getMaxX()) { // next row, from the screen's left
            x = screen.getMinX() + GAP;
            y = rowBottom + GAP;
            newRow = true;
        }
        if (y + h > screen.getMaxY()) { // no room left: cascade from the last one
            x = Math.min(last.getMinX() + CASCADE, Math.max(screen.getMinX(), screen.getMaxX() - w));
            y = Math.min(last.getMinY() + CASCADE, Math.max(screen.getMinY(), screen.getMaxY() - h));
            newRow = true;
        }
        stage.setX(x);
        stage.setY(y);
        remember(x, y, w, h, newRow);
    }

    /** A window put somewhere else (where it was last time): the next ones go beside it. */
    void placedAt(Stage stage) {
        placed++;
        remember(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), true);
    }

    private void remember(double x, double y, double w, double h, boolean newRow) {
        last = new Rectangle2D(x, y, w, h);
        if (newRow) {
            rowTop = y;
            rowBottom = y + h;
        } else {
            rowBottom = Math.max(rowBottom, y + h);
        }
    }
}
