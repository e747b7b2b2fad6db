package org.printmail.lab;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Device authorizations (RFC 8628 as Microsoft runs it): issued, then signed in (approved),
 * declined, failed with a policy reason, expired, and finally redeemed exactly once.
 */
final class DeviceCodes {
    /** No vowels (no words), no 0/O/1/I (no misreading). */
    private static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ23456789";
    private static final int USER_CODE_LENGTH = 9;
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** Enough to show a device polling too fast; bounded so a runaway loop cannot fill memory. */
    private static final int MAX_RECORDED_POLLS = 10_000;

    enum State { PENDING, APPROVED, DECLINED, FAILED, REDEEMED }

    /** What the device gets from the devicecode endpoint. */
    record Issued(String deviceCode, String userCode, long expiresIn, long interval) {
        @Override
        public String toString() { return "Issued[userCode=" + userCode + "]"; }
    }

    /** What a browser sign-in or the control API may see of a pending code. */
    record CodeView(String userCode, String clientId, String tenant, List<String> scopes) {
    }

    /** A code the user approved, handed to the token endpoint exactly once. */
    record Redeemed(String upn, String clientId, List<String> scopes) {
    }

    /** A poll's answer: an error to send, or the redeemed authorization. */
    record Poll(AadError error, Redeemed redeemed) {
    }

    private static final class Authorization {
        final String deviceCode;
        final String userCode;
        final String clientId;
        final String tenant;
        final List<String> scopes;
        final Instant expiresAt;
        State state = State.PENDING;
        String upn;
        RevocationReason failure;
        boolean forcedExpiry;
        Instant lastPoll;
        Duration interval;
        final List<Instant> polls = new ArrayList<>();

        Authorization(String deviceCode, String userCode, String clientId, String tenant,
                List<String> scopes, Instant expiresAt, Duration interval) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.tenant = tenant;
            this.scopes = List.copyOf(scopes);
            this.expiresAt = expiresAt;
            this.interval = interval;
        }
    }

    private final LabIdentityOptions options;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Authorization> byDeviceCode = new HashMap<>();
    private final Map<String, Authorization> byUserCode = new HashMap<>();
    private String latestUserCode;

    DeviceCodes(LabIdentityOptions options) {
        this.options = options;
        this.clock = options.clock();
    }

    synchronized Issued issue(String clientId, String tenant, List<String> scopes) {
        purgeLongExpired();
        String userCode;
        do {
            userCode = userCode();
        } while (byUserCode.containsKey(userCode));
        String deviceCode = Secrets.token(48);
        Authorization a = new Authorization(deviceCode, userCode, clientId, tenant, scopes,
                clock.instant().plus(options.deviceCodeLifetime()), options.pollInterval());
        byDeviceCode.put(deviceCode, a);
        byUserCode.put(userCode, a);
        latestUserCode = userCode;
        return new Issued(deviceCode, userCode, options.deviceCodeLifetime().toSeconds(),
                options.pollInterval().toSeconds());
    }

    /** The token endpoint's view of one poll; transitions APPROVED to REDEEMED atomically. */
    synchronized Poll poll(String deviceCode, String clientId, RevocationReason signInFailure) {
        Authorization a = byDeviceCode.get(deviceCode);
        if (a == null || !a.clientId.equals(clientId)) {
            return error(AadError.BAD_CODE);
        }
        if (a.polls.size() < MAX_RECORDED_POLLS) {
            a.polls.add(clock.instant());
        }
        switch (a.state) {
            case REDEEMED: return error(AadError.ALREADY_REDEEMED);
            case DECLINED: return error(AadError.DECLINED);
            case FAILED: return error(a.failure.toError(a.clientId, a.tenant));
            default: break;
        }
        Instant now = clock.instant();
        if (expired(a, now)) {
            return error(AadError.expired(options.expiredCodeError()));
        }
        if (signInFailure != null) {
            return error(signInFailure.toError(a.clientId, a.tenant));
        }
        if (a.state == State.APPROVED) {
            a.state = State.REDEEMED;
            return new Poll(null, new Redeemed(a.upn, a.clientId, a.scopes));
        }
        boolean tooSoon = a.lastPoll != null && now.isBefore(a.lastPoll.plus(a.interval));
        a.lastPoll = now;
        if (options.emitSlowDown() && tooSoon) {
            // RFC 8628 3.5: the interval grows by 5 s for this and all later polls.
            a.interval = a.interval.plus(SLOW_DOWN_STEP);
            return error(AadError.SLOW_DOWN);
        }
        return error(AadError.PENDING);
    }

    /** The pending, unexpired code the user typed (any case, spaces and dashes ignored). */
    synchronized Optional<CodeView> pending(String typedUserCode) {
        Authorization a = byUserCode.get(normalize(typedUserCode));
        if (a == null || a.state != State.PENDING || expired(a, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new CodeView(a.userCode, a.clientId, a.tenant, a.scopes));
    }

    /** True when the typed code exists but has expired (the page says so differently). */
    synchronized boolean isExpired(String typedUserCode) {
        Authorization a = byUserCode.get(normalize(typedUserCode));
        return a != null && a.state == State.PENDING && expired(a, clock.instant());
    }

    synchronized void approve(String userCode, String upn) {
        Authorization a = pendingOrThrow(userCode);
        a.state = State.APPROVED;
        a.upn = upn;
    }

    synchronized void fail(String userCode, RevocationReason reason) {
        Authorization a = pendingOrThrow(userCode);
        a.state = State.FAILED;
        a.failure = reason;
    }

    synchronized void decline(String userCode) {
        pendingOrThrow(userCode).state = State.DECLINED;
    }

    synchronized void expire(String userCode) {
        Authorization a = known(userCode);
        a.forcedExpiry = true;
    }

    synchronized Optional<String> latestUserCode() { return Optional.ofNullable(latestUserCode); }

    /** When (by the lab's clock) each poll with this code arrived; empty for an unknown code. */
    synchronized List<Instant> pollTimes(String userCode) {
        Authorization a = byUserCode.get(userCode);
        return a == null ? List.of() : List.copyOf(a.polls);
    }

    synchronized List<String> pendingUserCodes() {
        Instant now = clock.instant();
        List<String> out = new ArrayList<>();
        for (Authorization a : byUserCode.values()) {
            if (a.state == State.PENDING && !expired(a, now)) {
                out.add(a.userCode);
            }
        }
        out.sort(null);
        return out;
    }

    synchronized void reset() {
        byDeviceCode.clear();
        byUserCode.clear();
        latestUserCode = null;
    }

    static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private Authorization known(String userCode) {
        Authorization a = byUserCode.get(normalize(userCode));
        if (a == null) {
            throw new IllegalArgumentException("no device code with user code " + userCode);
        }
        return a;
    }

    private Authorization pendingOrThrow(String userCode) {
        Authorization a = known(userCode);
        if (a.state != State.PENDING || expired(a, clock.instant())) {
            throw new IllegalStateException("user code " + a.userCode + " is not pending ("
                    + (a.state == State.PENDING ? "expired" : a.state) + ")");
        }
        return a;
    }

    private static boolean expired(Authorization a, Instant now) {
        return a.forcedExpiry || !now.isBefore(a.expiresAt);
    }

    private static Poll error(AadError e) { return new Poll(e, null); }

    private String userCode() {
        StringBuilder sb = new StringBuilder(USER_CODE_LENGTH);
        for (int i = 0; i < USER_CODE_LENGTH; i++) {
            sb.append(USER_CODE_ALPHABET.charAt(random.nextInt(USER_CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Keeps a long-running lab small: codes expired for a whole lifetime are forgotten. */
    private void purgeLongExpired() {
        Instant horizon = clock.instant().minus(options.deviceCodeLifetime());
        byDeviceCode.values().removeIf(a -> a.expiresAt.isBefore(horizon)
                && a.state != State.APPROVED);
        byUserCode.values().removeIf(a -> !byDeviceCode.containsKey(a.deviceCode));
    }
}
