package org.printmail.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file attached by streaming: the sender opens {@link #source()} each time it writes the part
 * and never holds the content in memory.
 *
 * @param size the content's size in bytes (for the attached-file maximum and splitting)
 */
public record Attachment(String fileName, String contentType, long size, Source source) {
    private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[\\p{Cntrl}\u2028\u2029]");

    /** File names and types end up in MIME headers: no control characters (no header injection). */
    public Attachment {
        if (fileName == null || fileName.isBlank() || UNSAFE.matcher(fileName).find()
                || contentType != null && UNSAFE.matcher(contentType).find()) {
            throw new IllegalArgumentException("attachment name or type contains control characters");
        }
    }

    /** Opens a fresh stream of the content (a plain file, or decrypting spooled data). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /** An attachment read straight from a file, which must exist and be readable now. */
    public Attachment(Path file, String fileName, String contentType) {
        this(fileName, contentType, readableSize(file, fileName), () -> Files.newInputStream(file));
    }

    private static long readableSize(Path file, String name) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("attachment " + name + " is not a readable file");
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("attachment " + name + " cannot be read", e);
        }
    }
}
