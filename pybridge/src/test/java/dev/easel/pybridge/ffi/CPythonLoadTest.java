package dev.easel.pybridge.ffi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How libpython is opened on each OS the bundled CPython exists for. Only Linux runs here, so the
 * other OSes are covered by their flag values (from their {@code <dlfcn.h>}): glibc RTLD_GLOBAL
 * 0x100, macOS 0x8, RTLD_NOW 0x2 on both; Windows uses {@code LoadLibrary} and no flags.
 */
class CPythonLoadTest {
    @Test
    void dlopenFlagsAreTheOsOwnRtldNowAndRtldGlobal() {
        assertEquals(0x2 | 0x100, CPython.dlopenFlags("Linux"));
        assertEquals(0x2 | 0x8, CPython.dlopenFlags("Mac OS X"));
        assertEquals(0x2 | 0x8, CPython.dlopenFlags("FreeBSD"));
    }
}
