package org.printmail.codes;

import java.util.regex.Pattern;

/**
 * A server's reply made fit to show an administrator: control characters (CR, LF, escape
 * sequences) become spaces, runs that look like a token or a base64 blob are masked, and the
 * length is bounded. Pages still HTML-encode it; this only makes it one safe line.
 */
public final class ServerText {
    /** Longest reply kept: Exchange's longest documented replies fit with room to spare. */
    public static final int MAX_LENGTH = 300;
    private static final Pattern CONTROL =
            Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u200B-\\u200F\\u202A-\\u202E]+");
    /** A JWT, an XOAUTH2 payload or any other long opaque run: never shown, whoever sent it. */
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9+/=_.-]{60,}");

    private ServerText() { }

    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String s = CONTROL.matcher(raw).replaceAll(" ");
        s = OPAQUE.matcher(s).replaceAll("[redacted]");
        s = s.replaceAll(" {2,}", " ").strip();
        return s.length() <= MAX_LENGTH ? s
                : s.substring(0, MAX_LENGTH - 1).stripTrailing() + "\u2026";
    }
}
