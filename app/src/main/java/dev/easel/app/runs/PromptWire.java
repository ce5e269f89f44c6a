package dev.easel.app.runs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One message of the live prompt's loopback socket, one line each: {@code id TAB word TAB
 * base64(text)}. The console sends {@code run}/{@code complete} requests; the run answers with
 * {@code ok}/{@code more}/{@code error}/{@code completions}. Base64 keeps tabs and line breaks of
 * the text off the framing. Both ends use this record, so they cannot drift apart.
 *
 * @param id   the request's number, repeated in its answer
 * @param word what is asked, or how it went
 * @param text the source, or the answer's text
 */
public record PromptWire(long id, String word, String text) {
    /** The line to write, without its line break. */
    public String line() {
        return id + "\t" + word + "\t" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a line; null for one that is not a message (ignored by both ends). */
    public static PromptWire parse(String line) {
        String[] f = line.split("\t", 3);
        if (f.length < 3) {
            return null;
        }
        try {
            return new PromptWire(Long.parseLong(f[0]), f[1],
                    new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
