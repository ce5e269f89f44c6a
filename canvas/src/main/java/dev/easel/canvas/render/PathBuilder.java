package dev.easel.canvas.render;

/** Where {@link Arcs} writes the path elements it computes: a renderer's own path, in user coordinates. */
interface PathBuilder {
    /** Whether the path has a current point (a subpath was started). */
    boolean hasCurrentPoint();

    /** Starts a subpath. */
    void moveTo(double x, double y);

    /** Adds a straight segment. */
    void lineTo(double x, double y);

    /** Adds a cubic Bézier segment. */
    void curveTo(double c1x, double c1y, double c2x, double c2y, double x, double y);
}
