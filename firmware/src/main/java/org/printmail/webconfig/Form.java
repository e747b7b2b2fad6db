package org.printmail.webconfig;

import java.util.Map;

/**
 * A parsed request body: text fields and uploaded files (multipart only).
 */
record Form(Map<String, String> fields, Map<String, byte[]> files) {
    static final Form EMPTY = new Form(Map.of(), Map.of());

    Form {
        fields = Map.copyOf(fields);
        files = Map.copyOf(files);
    }

    /** The field's value, trimmed, or "" when absent. */
    String get(String name) {
        String v = fields.get(name);
        return v == null ? "" : v.trim();
    }

    byte[] file(String name) {
        byte[] b = files.get(name);
        return b == null ? new byte[0] : b;
    }
}
