package org.printmail.panel;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.printmail.i18n.Messages;

/**
 * Drives the control panel like a person at the keyboard: types lines into it on its own thread
 * and waits for text to appear on its screen.
 */
final class ScriptedTerminal implements AutoCloseable {
    private final PipedWriter keys = new PipedWriter();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile Throwable failure;
    private int mark;

    ScriptedTerminal(ControlPanel panel) throws IOException {
        BufferedReader in = new BufferedReader(new PipedReader(keys));
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        thread = new Thread(() -> {
            try {
                panel.run(in, out);
            } catch (Throwable t) {
                failure = t;
            }
        }, "panel-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    void type(String line) throws IOException {
        keys.write(line + "\n");
        keys.flush();
    }

    /**
     * Waits (up to 10 s) until {@code text} appears after the last mark; returns the screen since,
     * without the isolates around values (they are for the eye, not for matching).
     */
    String await(String text) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            String s = since();
            if (s.contains(text)) {
                mark += s.indexOf(text) + text.length();
                return s;
            }
            if (failure != null) {
                throw new AssertionError("panel crashed", failure);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("screen never showed \"" + text + "\"; it shows:\n" + since());
    }

    private String since() {
        String all;
        synchronized (screen) {
            all = screen.toString(StandardCharsets.UTF_8);
        }
        all = Messages.stripDirectionalControls(all);
        return all.substring(Math.min(mark, all.length()));
    }

    /** Everything the panel printed, isolates included. */
    String all() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws Exception {
        keys.close();
        thread.join(5_000);
    }
}
