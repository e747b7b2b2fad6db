package org.printmail.smtp;

import java.nio.file.Path;

/** A file attached by streaming from disk; never loaded whole into memory. */
public record Attachment(Path file, String fileName, String contentType) {
}
