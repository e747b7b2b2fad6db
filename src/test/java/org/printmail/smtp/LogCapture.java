package org.printmail.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures java.util.logging output from the root logger at a given level (Angus and SLF4J both
 * end there), with parameters and thrown exceptions rendered, so tests can search all of it.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private static final List<String> LOUD = List.of("", "org.eclipse.angus", "jakarta.mail", "org.printmail");
    private final List<String> lines = new ArrayList<>();
    private final List<Level> previous = new ArrayList<>();

    private LogCapture(Level level) {
        setLevel(level);
        for (String name : LOUD) {
            Logger l = Logger.getLogger(name);
            previous.add(l.getLevel());
            l.setLevel(level);
        }
        Logger.getLogger("").addHandler(this);
    }

    static LogCapture start(Level level) { return new LogCapture(level); }

    @Override
    public synchronized void publish(LogRecord r) {
        StringBuilder b = new StringBuilder(r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage());
        if (r.getParameters() != null) {
            for (Object p : r.getParameters()) {
                b.append(" | ").append(p);
            }
        }
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            b.append(" | ").append(t);
        }
        lines.add(b.toString());
    }

    synchronized String text() { return String.join("\n", lines); }

    synchronized int size() { return lines.size(); }

    @Override
    public void flush() { }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        for (int i = 0; i < LOUD.size(); i++) {
            Logger.getLogger(LOUD.get(i)).setLevel(previous.get(i));
        }
    }
}
