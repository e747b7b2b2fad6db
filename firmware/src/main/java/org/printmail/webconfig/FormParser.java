package org.printmail.webconfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses URL-encoded and multipart form bodies, refusing anything over the size limit. Multipart
 * is needed only for the CA certificate upload (DER is binary).
 */
final class FormParser {
    static final int MAX_BODY = 256 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]{1,70})\"?");
    private static final Pattern PART_NAME = Pattern.compile("(?<![A-Za-z])name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"");

    private FormParser() { }

    /** Thrown for bodies that are too large or malformed; the dispatcher answers 400/413. */
    static final class BadBody extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        BadBody(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static Form parse(String contentType, byte[] body) throws BadBody {
        if (body.length > MAX_BODY) {
            throw new BadBody(413, "form too large");
        }
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return new Form(urlEncoded(new String(body, StandardCharsets.US_ASCII)), Map.of());
        }
        if (type.startsWith("multipart/form-data")) {
            Matcher m = BOUNDARY.matcher(contentType);
            if (!m.find()) {
                throw new BadBody(400, "multipart body without boundary");
            }
            return multipart(body, m.group(1));
        }
        if (body.length == 0) {
            return Form.EMPTY;
        }
        throw new BadBody(415, "unsupported form encoding");
    }

    static Map<String, String> urlEncoded(String s) {
        Map<String, String> out = new HashMap<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String pair : s.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v,
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // A malformed %-escape drops that one pair; the page then reports the field as missing.
            }
        }
        return out;
    }

    private static Form multipart(byte[] body, String boundary) throws BadBody {
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        Map<String, String> fields = new HashMap<>();
        Map<String, byte[]> files = new HashMap<>();
        // Prefix CRLF so the first delimiter matches the same pattern as the others.
        byte[] data = new byte[body.length + 2];
        data[0] = '\r';
        data[1] = '\n';
        System.arraycopy(body, 0, data, 2, body.length);
        int pos = indexOf(data, delimiter, 0);
        if (pos < 0) {
            throw new BadBody(400, "multipart body without parts");
        }
        while (true) {
            int start = pos + delimiter.length;
            if (start + 2 <= data.length && data[start] == '-' && data[start + 1] == '-') {
                break; // closing delimiter
            }
            int headersEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
            int next = indexOf(data, delimiter, start);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw new BadBody(400, "malformed multipart body");
            }
            String headers = new String(data, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(data, headersEnd + 4, next);
            Matcher name = PART_NAME.matcher(headers);
            if (name.find()) {
                if (FILE_NAME.matcher(headers).find()) {
                    files.putIfAbsent(name.group(1), content);
                } else {
                    fields.putIfAbsent(name.group(1), new String(content, StandardCharsets.UTF_8));
                }
            }
            pos = next;
        }
        return new Form(fields, files);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
