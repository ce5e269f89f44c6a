package dev.easel.pybridge;

/** The reason a Python candidate cannot be used; its message is shown to the user as is. */
final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
        super(reason, null, false, false);
    }
}
