package org.printmail.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the firmware makes a background thread: named {@code prefix-N} (so a thread dump
 * says whose it is), daemon (a background thread never keeps the JVM from exiting), and an
 * uncaught failure logged by its class name only: an exception message may carry a server
 * reply, an address or a token, and logs must not.
 */
public final class DaemonThreads {
    // The logger is fetched when a thread fails, not when the class loads: the boot's first
    // thread starts before logging is set up, and setting it up would hold it back (about 80 ms).
    private static final Thread.UncaughtExceptionHandler LOG_CLASS_ONLY = (t, e) -> {
        Logger log = LoggerFactory.getLogger(DaemonThreads.class);
        log.error("thread {} ended on an uncaught {}", t.getName(), e.getClass().getName());
    };

    private DaemonThreads() {
    }

    /** Daemon threads named {@code namePrefix-1}, {@code namePrefix-2}, ... */
    public static ThreadFactory factory(String namePrefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, namePrefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler(LOG_CLASS_ONLY);
            return t;
        };
    }

    /** One daemon thread named {@code name-1}, started. */
    public static Thread start(String name, Runnable task) {
        Thread t = factory(name).newThread(task);
        t.start();
        return t;
    }
}
