package dev.easel.canvas.host.loop;

/**
 * How to make a canvas again in another interpreter: the module of its class (and its file,
 * for the script itself, which is imported there as {@code __easel_main__}), the class's
 * qualified name, and the constructor arguments, pickled.
 */
public record Recipe(String module, String file, String qualname, byte[] pickledArgs) {}
