package org.printmail.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import org.printmail.codes.JobCode;
import org.printmail.config.DeviceProfile;
import org.printmail.config.IdentitySettings;
import org.printmail.config.ProxyRoute;
import org.printmail.i18n.Text;

/**
 * The three calls the device makes to the Microsoft identity platform v2.0 (devicecode, token
 * with the device_code grant, token with the refresh_token grant), on the Nimbus SDK. Every call
 * has connect and read timeouts, trusts exactly the profile's CAs, and is sent exactly once. Never throws for network or
 * platform trouble: the outcome is a {@link Reply}.
 */
final class IdentityClient {
    private record SenderKey(SSLContext tls, Duration connectTimeout, ProxyRoute proxy) { }

    private final Function<DeviceProfile, SSLContext> tls;
    private final Clock clock;
    private final Supplier<ProxyRoute> proxy;
    private final Map<SenderKey, OneShotSender> senders = new ConcurrentHashMap<>();

    /** @param tls the TLS trust each profile's endpoints are checked against */
    IdentityClient(Function<DeviceProfile, SSLContext> tls, Clock clock) {
        this(tls, clock, () -> ProxyRoute.DIRECT);
    }

    /** @param proxy the office proxy in force, read on every call (Web Config may change it) */
    IdentityClient(Function<DeviceProfile, SSLContext> tls, Clock clock, Supplier<ProxyRoute> proxy) {
        this.tls = tls;
        this.clock = clock;
        this.proxy = proxy;
    }

    Reply<DeviceAuthorization> requestDeviceCode(DeviceProfile profile, List<String> scopes) {
        IdentitySettings id = profile.identity();
        HTTPRequest request = new DeviceAuthorizationRequest(id.deviceCodeEndpoint(),
                new ClientID(id.clientId()), Scope.parse(scopes)).toHTTPRequest();
        return exchange(profile, request, response -> {
            DeviceAuthorizationSuccessResponse ok = DeviceAuthorizationSuccessResponse.parse(response);
            Instant now = clock.instant();
            Object message = ok.getCustomParameters().get("message");
            URI link = ok.getVerificationURI();
            String code = ok.getUserCode().getValue();
            String text = message instanceof String s && !s.isBlank() ? s
                    : "To sign in, use a web browser to open the page " + link
                    + " and enter the code " + code + " to authenticate.";
            DeviceCodePrompt prompt = new DeviceCodePrompt(code, link, text,
                    now.plusSeconds(ok.getLifetime()), Duration.ofSeconds(Math.max(1, ok.getInterval())));
            return new DeviceAuthorization(ok.getDeviceCode(), prompt,
                    Duration.ofSeconds(ok.getLifetime()));
        });
    }

    Reply<TokenGrant> redeemDeviceCode(DeviceProfile profile, DeviceCode deviceCode) {
        return token(profile, profile.identity(), new DeviceCodeGrant(deviceCode), null);
    }

    /** Redeems a refresh token at the tenant the account signed in through. */
    Reply<TokenGrant> refresh(DeviceProfile profile, String tenant, String refreshToken,
                              List<String> scopes) {
        IdentitySettings id = tenant == null || tenant.isBlank() ? profile.identity()
                : profile.identity().withTenant(tenant);
        return token(profile, id, new RefreshTokenGrant(new RefreshToken(refreshToken)),
                scopes.isEmpty() ? null : Scope.parse(scopes));
    }

    private Reply<TokenGrant> token(DeviceProfile profile, IdentitySettings id,
                                    AuthorizationGrant grant, Scope scope) {
        HTTPRequest request = new TokenRequest(id.tokenEndpoint(), new ClientID(id.clientId()),
                grant, scope).toHTTPRequest();
        return exchange(profile, request, response -> {
            AccessTokenResponse parsed = AccessTokenResponse.parse(response);
            Tokens tokens = parsed.getTokens();
            long lifetime = tokens.getAccessToken().getLifetime();
            Object idToken = parsed.getCustomParameters().get("id_token");
            return new TokenGrant(tokens.getAccessToken().getValue(),
                    Duration.ofSeconds(lifetime > 0 ? lifetime : 3599),
                    Optional.ofNullable(tokens.getRefreshToken()).map(RefreshToken::getValue),
                    idToken instanceof String s ? accountName(s) : Optional.empty());
        });
    }

    /** One per profile trust and timeout in use; a device has two or three. */
    private static final int MAX_SENDERS = 4;

    @FunctionalInterface
    private interface SuccessParser<T> {
        T parse(HTTPResponse response) throws ParseException;
    }

    private <T> Reply<T> exchange(DeviceProfile profile, HTTPRequest request, SuccessParser<T> ok) {
        Duration t = profile.identity().httpTimeout();
        int timeout = (int) Math.min(Integer.MAX_VALUE, t.toMillis());
        request.setConnectTimeout(timeout);
        request.setReadTimeout(timeout);
        SenderKey key = new SenderKey(tls.apply(profile), t, proxy.get());
        if (!senders.containsKey(key) && senders.size() >= MAX_SENDERS) {
            // Trust changes (a CA imported or deleted) make new contexts; drop the old clients so
            // their connection pools and selector threads can go.
            senders.clear();
        }
        OneShotSender sender = senders.computeIfAbsent(key,
                k -> new OneShotSender(k.tls(), k.connectTimeout(), k.proxy()));
        HTTPResponse response;
        try {
            response = request.send(sender);
        } catch (IOException e) {
            Optional<Text> proxyRefused = ProxyHttp.proxyRefusal(e);
            if (proxyRefused.isPresent()) {
                return new Reply.Unreachable<>(proxyRefused.get(), Optional.empty(),
                        JobCode.PROXY_AUTH_FAILED);
            }
            // Connection refused, timeout, TLS failure, connection cut: no verdict on the grant.
            return new Reply.Unreachable<>(Text.of("auth.down.failed", e.getClass().getSimpleName(),
                    request.getURI().getHost()), Optional.empty());
        }
        int status = response.getStatusCode();
        if (status == 200) {
            try {
                return new Reply.Granted<>(ok.parse(response));
            } catch (ParseException e) {
                return new Reply.Unreachable<>(Text.of("auth.down.unreadable"), Optional.empty());
            }
        }
        if (status == 429 || status >= 500) {
            return new Reply.Unreachable<>(Text.of("auth.down.http", status), retryAfter(response));
        }
        return IdentityError.parse(response)
                .<Reply<T>>map(Reply.Rejected::new)
                .orElseGet(() -> new Reply.Unreachable<>(Text.of("auth.down.unexpected", status),
                        retryAfter(response)));
    }

    /** Retry-After as delta-seconds or an HTTP date. */
    private Optional<Duration> retryAfter(HTTPResponse response) {
        String value = response.getHeaderValue("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The account name from an id_token received directly from the token endpoint over TLS
     * (OpenID Connect Core 3.1.3.7 lets TLS server validation stand in for the signature check).
     */
    static Optional<String> accountName(String idToken) {
        try {
            JWTClaimsSet claims = JWTParser.parse(idToken).getJWTClaimsSet();
            for (String claim : List.of("preferred_username", "upn", "email")) {
                Object v = claims.getClaim(claim);
                if (v instanceof String s && s.matches("[^\\s\\p{Cntrl}]{1,254}")) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
    }
}
