package org.printmail.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
    @Test
    void threadsAreDaemonsNamedByPrefixAndNumbered() {
        ThreadFactory f = DaemonThreads.factory("printmail-test");
        Thread a = f.newThread(() -> { });
        Thread b = f.newThread(() -> { });
        assertEquals("printmail-test-1", a.getName());
        assertEquals("printmail-test-2", b.getName());
        assertTrue(a.isDaemon() && b.isDaemon());
    }

    @Test
    void anUncaughtFailureIsLoggedByItsClassNameWithoutItsMessage() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                // SLF4J formats before JUL sees it; a logged Throwable would carry the message.
                lines.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        Logger jul = Logger.getLogger(DaemonThreads.class.getName());
        jul.addHandler(h);
        try {
            Thread t = DaemonThreads.start("printmail-failing", () -> {
                throw new IllegalStateException("token=secret-value");
            });
            t.join();
        } finally {
            jul.removeHandler(h);
        }
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("printmail-failing-1"), lines.get(0));
        assertTrue(lines.get(0).contains("java.lang.IllegalStateException"), lines.get(0));
        assertFalse(lines.get(0).contains("secret-value"), lines.get(0));
    }
}
