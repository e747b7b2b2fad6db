package org.printmail.store;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures every java.util.logging record (SLF4J's backend here) at all levels, formatted. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Logger ours = Logger.getLogger("org.printmail");
    private final Level previous = ours.getLevel();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> lines = new ArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        ours.setLevel(Level.ALL);
        root.addHandler(this);
    }

    /** Formatted lines, stack traces of attached throwables included. */
    synchronized List<String> lines() { return List.copyOf(lines); }

    @Override
    public synchronized void publish(LogRecord r) { lines.add(formatter.format(r)); }

    @Override
    public void flush() { }

    @Override
    public void close() {
        root.removeHandler(this);
        ours.setLevel(previous);
    }
}
