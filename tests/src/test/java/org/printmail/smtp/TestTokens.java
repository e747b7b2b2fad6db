package org.printmail.smtp;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A token source with a current token and the one a forced refresh returns. */
final class TestTokens implements TokenSource {
    private final AtomicReference<String> current;
    private final String afterRefresh;
    private final AtomicInteger refreshes = new AtomicInteger();

    TestTokens(String token, String afterRefresh) {
        this.current = new AtomicReference<>(token);
        this.afterRefresh = afterRefresh;
    }

    @Override
    public String accessToken() { return current.get(); }

    @Override
    public String refreshedAccessToken() {
        refreshes.incrementAndGet();
        current.set(afterRefresh);
        return afterRefresh;
    }

    /** What the auth layer does when the old token nears expiry. */
    void rotate(String token) { current.set(token); }

    int refreshes() { return refreshes.get(); }
}
