package org.printmail.graph;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.printmail.codes.JobCode;
import org.printmail.smtp.Attachment;
import org.printmail.i18n.Text;

/**
 * One large attachment through an upload session: byte ranges of at most {@link #CHUNK} bytes
 * {@code PUT} to the session's pre-authenticated URL (no Authorization header, as Microsoft
 * says), streamed from the spool so memory stays bounded. A broken {@code PUT} asks the session
 * where to go on ({@code GET} the upload URL, {@code nextExpectedRanges}) and resumes there.
 */
final class AttachmentUpload {
    /** Under Microsoft's 4 MB per PUT and a multiple of 320 KiB. */
    static final int CHUNK = 12 * 320 * 1024;
    /** Broken ranges resumed per attachment before the attempt is given up (and retried later). */
    static final int MAX_RESUMES = 5;

    private final GraphClient client;
    private final Duration timeout;

    AttachmentUpload(GraphClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Uploads the whole file; returns how many times a broken range was resumed. */
    int upload(URI uploadUrl, long firstOffset, Attachment a) {
        long size = a.size();
        long offset = firstOffset;
        int resumes = 0;
        Position in = null;
        try {
            while (offset < size) {
                in = positioned(in, a, offset);
                int len = (int) Math.min(CHUNK, size - offset);
                GraphReply r;
                try {
                    r = put(uploadUrl, in, offset, len, size);
                } catch (GraphFailure f) {
                    if (f.code() != JobCode.PROTOCOL_ERROR && f.code() != JobCode.SERVER_UNREACHABLE
                            || ++resumes > MAX_RESUMES) {
                        throw f;
                    }
                    offset = status(uploadUrl, a, f);
                    continue;
                }
                if (r.status() == 201) {
                    return resumes; // the last range: the attachment exists
                }
                if (r.status() == 200) {
                    offset = nextOffset(r.body(), uploadUrl, a);
                    continue;
                }
                if ((r.status() == 429 || r.status() >= 500) && ++resumes <= MAX_RESUMES) {
                    client.sleep(r.retryAfter().filter(d -> d.compareTo(GraphClient.INLINE_WAIT_CAP) <= 0)
                            .orElse(Duration.ofSeconds(1)));
                    offset = status(uploadUrl, a, GraphErrors.fromReply(r, Text.of("graph.what.uploading", a.fileName())));
                    continue;
                }
                throw GraphErrors.fromReply(r, Text.of("graph.what.uploading", a.fileName()));
            }
            return resumes;
        } finally {
            if (in != null) {
                in.close();
            }
        }
    }

    private GraphReply put(URI url, Position in, long offset, int len, long size) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", "bytes " + offset + "-" + (offset + len - 1) + "/" + size)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> in.window(len)), len));
        return client.exchange(b, timeout, url, Text.of("graph.what.uploadingAttachment"));
    }

    /** Where the session wants the next byte, after a broken range. */
    private long status(URI url, Attachment a, GraphFailure why) {
        GraphReply r;
        try {
            r = client.exchange("GET", url, null, null, null, timeout, Text.of("graph.what.askingResume"));
        } catch (GraphFailure f) {
            throw why;
        }
        if (r.status() != 200 || !r.body().has("nextExpectedRanges")) {
            // Microsoft documents this status read for OneDrive sessions; if an Outlook session
            // does not answer it, the attempt ends and the outbox starts over with a new draft.
            throw new GraphFailure(JobCode.PROTOCOL_ERROR, Text.of("graph.uploadLost", a.fileName(),
                    r.describe(), why.detailText()), r.describe(), null, why);
        }
        return nextOffset(r.body(), url, a);
    }

    /**
     * The first of {@code nextExpectedRanges}: Outlook sessions give {@code "2097152"}, OneDrive
     * ones {@code "2097152-"} or {@code "0-26"}; both readings are taken.
     */
    static long nextOffset(JsonNode body, URI url, Attachment a) {
        JsonNode ranges = body.path("nextExpectedRanges");
        if (!ranges.isArray() || ranges.isEmpty()) {
            return a.size(); // nothing missing
        }
        String first = ranges.get(0).asText("").strip();
        int dash = first.indexOf('-');
        try {
            long start = Long.parseLong(dash < 0 ? first : first.substring(0, dash));
            if (start < 0 || start > a.size()) {
                throw new NumberFormatException();
            }
            return start;
        } catch (NumberFormatException e) {
            throw GraphErrors.malformed(url.getHost(), Text.of("graph.what.readingRanges"));
        }
    }

    private static Position positioned(Position current, Attachment a, long offset) {
        if (current != null && current.position() == offset) {
            return current;
        }
        if (current != null && current.position() < offset) {
            current.skipTo(offset);
            return current;
        }
        if (current != null) {
            current.close();
        }
        Position p = new Position(a);
        p.skipTo(offset);
        return p;
    }

    /** The spool stream, kept open across ranges; reopened only to go back after a break. */
    private static final class Position {
        private final InputStream in;
        private long pos;

        Position(Attachment a) {
            try {
                this.in = a.source().open();
            } catch (IOException e) {
                throw new GraphFailure(JobCode.SPOOL_DAMAGED, Text.of("graph.scanUnreadable", a.fileName(),
                        e.getClass().getSimpleName()), "", null, e);
            }
        }

        long position() { return pos; }

        void skipTo(long target) {
            try {
                in.skipNBytes(target - pos);
                pos = target;
            } catch (IOException e) {
                throw new GraphFailure(JobCode.SPOOL_DAMAGED, Text.of("graph.spoolUnreadableShort"),
                        "", null, e);
            }
        }

        /** The next {@code len} bytes as a stream that does not close the spool stream. */
        InputStream window(int len) {
            return new FilterInputStream(in) {
                private int left = len;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                        pos++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int n) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int r = super.read(buf, off, Math.min(n, left));
                    if (r > 0) {
                        left -= r;
                        pos += r;
                    }
                    return r;
                }

                @Override
                public void close() { }
            };
        }

        void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // reading is over; nothing to keep
            }
        }
    }
}
