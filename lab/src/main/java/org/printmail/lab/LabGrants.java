package org.printmail.lab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issued tokens and what Microsoft does with them: access tokens with a lifetime, refresh tokens
 * that rotate without revoking the old one, a sliding MaxInactiveTime, and revocation per user.
 */
final class LabGrants {
    /** The only scope the lab mail server (like Exchange Online SMTP) accepts. */
    static final String SMTP_SCOPE = "https://outlook.office.com/SMTP.Send";
    private static final String GRAPH = "https://graph.microsoft.com/";
    private static final Set<String> OIDC_SCOPES = Set.of("offline_access", "openid", "profile",
            "email");

    /** Successful token response content. */
    record Issued(String accessToken, String refreshToken, String scope, long expiresIn,
                  String idToken) {
        @Override
        public String toString() { return "Issued[scope=" + scope + "]"; }

        Issued withIdToken(String token) {
            return new Issued(accessToken, refreshToken, scope, expiresIn, token);
        }
    }

    /** A refresh's answer: an error to send, or new tokens. */
    record Refresh(AadError error, Issued tokens) {
    }

    private static final class RefreshGrant {
        final String upn;
        final String clientId;
        final List<String> scopes;
        final Instant issuedAt;
        Instant lastUsed;
        boolean forcedInactive;
        RevocationReason revoked;

        RefreshGrant(String upn, String clientId, List<String> scopes, Instant now) {
            this.upn = upn;
            this.clientId = clientId;
            this.scopes = List.copyOf(scopes);
            this.issuedAt = now;
            this.lastUsed = now;
        }
    }

    private static final class AccessGrant {
        final String upn;
        final String clientId;
        final List<String> scopes;
        final Instant issuedAt;
        final Instant expiresAt;
        RevocationReason revoked;
        boolean forcedExpired;

        AccessGrant(String upn, String clientId, List<String> scopes, Instant issuedAt,
                    Instant expiresAt) {
            this.upn = upn;
            this.clientId = clientId;
            this.scopes = List.copyOf(scopes);
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }
    }

    /** An access token a resource server may accept (RFC 7662 "active"), and what it carries. */
    record ActiveToken(String upn, String clientId, String scope, Instant issuedAt,
                       Instant expiresAt) {
    }

    private final LabIdentityOptions options;
    private final Clock clock;
    private final Map<String, RefreshGrant> refreshTokens = new HashMap<>();
    private final Map<String, AccessGrant> accessTokens = new HashMap<>();

    LabGrants(LabIdentityOptions options) {
        this.options = options;
        this.clock = options.clock();
    }

    /** Tokens for a redeemed device code; a refresh token only with offline_access. */
    synchronized Issued issue(String upn, String clientId, List<String> requestedScopes) {
        List<String> resource = resourceScopes(requestedScopes);
        boolean offline = requestedScopes.stream().anyMatch("offline_access"::equalsIgnoreCase);
        Issued issued = mint(upn, clientId, resource, offline);
        // Like Microsoft: an id_token only when openid was asked for.
        return requestedScopes.stream().anyMatch("openid"::equalsIgnoreCase)
                ? issued.withIdToken(LabIdToken.create(upn, clientId, clock.instant())) : issued;
    }

    /** Redeems a refresh token: a new access and refresh token; the old one stays valid. */
    synchronized Refresh refresh(String token, String clientId, String scopeParam) {
        RefreshGrant g = refreshTokens.get(token);
        if (g == null) {
            return new Refresh(AadError.BAD_REFRESH_TOKEN, null);
        }
        if (!g.clientId.equals(clientId)) {
            return new Refresh(AadError.GRANT_OF_OTHER_CLIENT, null);
        }
        if (g.revoked != null) {
            return new Refresh(g.revoked.toError(clientId, LabUsers.TENANT_ID), null);
        }
        Instant now = clock.instant();
        if (g.forcedInactive || now.isAfter(g.lastUsed.plus(options.refreshInactivity()))) {
            return new Refresh(AadError.inactive(g.issuedAt.toString(),
                    inactiveFor(options.refreshInactivity())), null);
        }
        List<String> scopes = g.scopes;
        if (scopeParam != null && !scopeParam.isBlank()) {
            List<String> asked = resourceScopes(split(scopeParam));
            if (!asked.isEmpty()) {
                for (String s : asked) {
                    if (g.scopes.stream().noneMatch(s::equalsIgnoreCase)) {
                        return new Refresh(RevocationReason.CONSENT_REQUIRED
                                .toError(clientId, LabUsers.TENANT_ID), null);
                    }
                }
                scopes = asked;
            }
        }
        g.lastUsed = now;
        return new Refresh(null, mint(g.upn, clientId, scopes, true));
    }

    /** True for an unexpired, unrevoked access token issued to this user for SMTP.Send. */
    synchronized boolean isValid(String user, String accessToken) {
        return user != null && active(accessToken)
                .filter(t -> t.upn().equalsIgnoreCase(user.strip())).isPresent();
    }

    /**
     * The token as the SMTP resource sees it: present only when issued here, unexpired by the
     * injected clock, unrevoked, and for SMTP.Send (a Graph token is the wrong audience).
     */
    synchronized Optional<ActiveToken> active(String accessToken) {
        AccessGrant a = accessToken == null ? null : accessTokens.get(accessToken);
        if (a == null || a.revoked != null || a.forcedExpired
                || !clock.instant().isBefore(a.expiresAt)
                || a.scopes.stream().noneMatch(SMTP_SCOPE::equalsIgnoreCase)) {
            return Optional.empty();
        }
        return Optional.of(new ActiveToken(a.upn, a.clientId, String.join(" ", a.scopes),
                a.issuedAt, a.expiresAt));
    }

    /** The user's current access tokens count as expired (the refresh tokens stay good). */
    synchronized void expireAccessTokens(String upn) {
        for (AccessGrant a : accessTokens.values()) {
            if (a.upn.equalsIgnoreCase(upn)) {
                a.forcedExpired = true;
            }
        }
    }

    /**
     * The user and scopes of an unexpired, unrevoked access token whatever its audience, for the
     * lab's Graph stand-in (which checks the Graph scopes itself).
     */
    synchronized java.util.Optional<LabTokenOwner> owner(String accessToken) {
        AccessGrant a = accessToken == null ? null : accessTokens.get(accessToken);
        if (a == null || a.revoked != null || !clock.instant().isBefore(a.expiresAt)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new LabTokenOwner(a.upn, a.scopes));
    }

    synchronized void expireRefreshTokens(String upn) {
        for (RefreshGrant g : refreshTokens.values()) {
            if (g.upn.equalsIgnoreCase(upn)) {
                g.forcedInactive = true;
            }
        }
    }

    /** Revokes every token the user holds now; later sign-ins get fresh, valid tokens. */
    synchronized void revoke(String upn, RevocationReason reason) {
        for (RefreshGrant g : refreshTokens.values()) {
            if (g.upn.equalsIgnoreCase(upn)) {
                g.revoked = reason;
            }
        }
        for (AccessGrant a : accessTokens.values()) {
            if (a.upn.equalsIgnoreCase(upn)) {
                a.revoked = reason;
            }
        }
    }

    /** How many refresh tokens were ever issued to this user (rotation is visible here). */
    synchronized int refreshTokensIssued(String upn) {
        return (int) refreshTokens.values().stream().filter(g -> g.upn.equalsIgnoreCase(upn))
                .count();
    }

    synchronized void reset() {
        refreshTokens.clear();
        accessTokens.clear();
    }

    static List<String> split(String scope) {
        List<String> out = new ArrayList<>();
        for (String s : scope.strip().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The resource scopes of a request, without OIDC ones; a bare name (e.g. {@code SMTP.Send})
     * means Microsoft Graph, exactly as Microsoft reads it - and SMTP rejects such tokens.
     */
    static List<String> resourceScopes(List<String> requested) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : requested) {
            if (OIDC_SCOPES.contains(s.toLowerCase(Locale.ROOT))) {
                continue;
            }
            out.add(s.contains("://") ? s : GRAPH + s);
        }
        return List.copyOf(out);
    }

    private Issued mint(String upn, String clientId, List<String> scopes, boolean offline) {
        Instant now = clock.instant();
        purgeExpiredAccessTokens(now);
        String access = Secrets.token(48);
        accessTokens.put(access, new AccessGrant(upn, clientId, scopes, now,
                now.plus(options.accessTokenLifetime())));
        String refresh = null;
        if (offline) {
            refresh = Secrets.token(64);
            refreshTokens.put(refresh, new RefreshGrant(upn, clientId, scopes, now));
        }
        return new Issued(access, refresh, String.join(" ", scopes),
                options.accessTokenLifetime().toSeconds(), null);
    }

    private void purgeExpiredAccessTokens(Instant now) {
        if (accessTokens.size() > 10_000) {
            accessTokens.values().removeIf(a -> a.expiresAt.isBefore(now));
        }
    }

    /** Microsoft's .NET TimeSpan style, e.g. {@code 90.00:00:00}. */
    static String inactiveFor(Duration d) {
        return String.format(Locale.ROOT, "%d.%02d:%02d:%02d", d.toDays(), d.toHoursPart(),
                d.toMinutesPart(), d.toSecondsPart());
    }
}
