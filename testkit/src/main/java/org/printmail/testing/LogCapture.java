package org.printmail.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures java.util.logging output (SLF4J's and Angus Mail's backend here) at a given level, so
 * tests can search every line for secrets: each line holds the formatted record with its stack
 * trace, the raw parameters and every cause in the chain.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private static final List<String> LOUD = List.of("", "org.printmail", "org.eclipse.angus", "jakarta.mail");
    /** The JDK HTTP client's internal trace: thousands of lines at ALL, enough to stall a loaded box. */
    private static final Logger JDK_TRACE = Logger.getLogger("jdk.internal.httpclient.debug");

    private final List<Level> previous = new ArrayList<>();
    private final Level previousTrace = JDK_TRACE.getLevel();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> lines = new ArrayList<>();

    private LogCapture(Level level) {
        setLevel(level);
        for (String name : LOUD) {
            Logger l = Logger.getLogger(name);
            previous.add(l.getLevel());
            l.setLevel(level);
        }
        JDK_TRACE.setLevel(Level.INFO);
        Logger.getLogger("").addHandler(this);
    }

    public static LogCapture start(Level level) { return new LogCapture(level); }

    @Override
    public synchronized void publish(LogRecord r) {
        if (!isLoggable(r)) {
            return;
        }
        StringBuilder b = new StringBuilder(formatter.format(r)).append(r.getMessage());
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

    public synchronized List<String> lines() { return List.copyOf(lines); }

    public synchronized String text() { return String.join("\n", lines); }

    public synchronized int size() { return lines.size(); }

    @Override
    public void flush() { }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        for (int i = 0; i < LOUD.size(); i++) {
            Logger.getLogger(LOUD.get(i)).setLevel(previous.get(i));
        }
        JDK_TRACE.setLevel(previousTrace);
    }
}
