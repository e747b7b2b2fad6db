package org.printmail.webconfig;

/**
 * A start of Web Config in two steps, so the device certificate loads on its own thread (the
 * other core) while the caller reads the profiles and builds the backend: {@link #begin}, then
 * {@link #listen}. This class holds no logger and starts nothing else, so beginning costs the
 * boot nothing before the certificate's thread is running (docs/benchmarks.md, "Boot").
 */
public final class WebConfigStart {
    private final WebConfigOptions opts;
    private final WebConfigTls tls;

    private WebConfigStart(WebConfigOptions opts, WebConfigTls tls) {
        this.opts = opts;
        this.tls = tls;
    }

    /** Starts loading the device certificate named by {@code opts}. */
    public static WebConfigStart begin(WebConfigOptions opts) {
        return new WebConfigStart(opts, WebConfigTls.load(opts));
    }

    /** Builds the pages, waits for the TLS context and opens the listener. */
    public WebConfigServer listen(WebConfigBackend backend) {
        return WebConfigServer.listen(opts, tls, backend);
    }
}
