package org.printmail.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One signed-in account as the vault keeps it. Holds secrets: {@link #toString()} redacts them,
 * and nothing outside {@code store}/{@code auth} should keep a record longer than a call.
 *
 * @param service        the email service name ({@code EXCHANGE_ONLINE}, {@code OUTLOOK_COM}, {@code LAB})
 * @param accountName    the signed-in user principal name (XOAUTH2 {@code user=})
 * @param senderAddress  the From address (defaults to the account name)
 * @param accessTokenExpiresAt when the access token stops being accepted
 * @param lastUsed       last time the refresh token was redeemed (keep-alive measures from here)
 */
public record AccountRecord(AccountKey id, String service, String accountName, String senderAddress,
                            String tenant, List<String> scopes, String refreshToken, String accessToken,
                            Instant accessTokenExpiresAt, Instant signedInAt, Instant lastRefresh,
                            Instant lastUsed) {
    public AccountRecord {
        Objects.requireNonNull(id, "id");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public AccountRecord withTokens(String newAccessToken, Instant expiresAt, String newRefreshToken,
                                    Instant refreshedAt) {
        return new AccountRecord(id, service, accountName, senderAddress, tenant, scopes,
                newRefreshToken, newAccessToken, expiresAt, signedInAt, refreshedAt, refreshedAt);
    }

    public AccountRecord withSenderAddress(String sender) {
        return new AccountRecord(id, service, accountName, sender, tenant, scopes, refreshToken,
                accessToken, accessTokenExpiresAt, signedInAt, lastRefresh, lastUsed);
    }

    public AccountRecord withLastUsed(Instant used) {
        return new AccountRecord(id, service, accountName, senderAddress, tenant, scopes, refreshToken,
                accessToken, accessTokenExpiresAt, signedInAt, lastRefresh, used);
    }

    @Override
    public String toString() {
        return "AccountRecord[id=" + id + ", service=" + service + ", account=" + accountName
                + ", sender=" + senderAddress + ", tenant=" + tenant + ", scopes=" + scopes
                + ", refreshToken=<redacted>, accessToken=<redacted>, expires=" + accessTokenExpiresAt
                + ", signedIn=" + signedInAt + ", lastRefresh=" + lastRefresh + ", lastUsed=" + lastUsed + "]";
    }
}
