package org.printmail.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic account records: token sizes as Entra ID issues them for Exchange Online (an access
 * token JWT of about 1.4 KB, an opaque refresh token of about 0.9 KB), every token unique and
 * recognisable so a test can look for it anywhere.
 */
final class SampleAccounts {
    static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123456789Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final List<String> SCOPES = List.of("https://outlook.office.com/SMTP.Send", "offline_access");

    private SampleAccounts() { }

    static AccountRecord deviceMail(int generation) {
        return record(new AccountKey("DEVICE_MAIL", ""), "scanner@contoso.com", generation);
    }

    static AccountRecord faxServer(int generation) {
        return record(new AccountKey("FAX_SERVER", ""), "fax@contoso.com", generation);
    }

    static AccountRecord user(String name, int generation) {
        return record(new AccountKey("USER_MAILBOX", name), name + "@contoso.com", generation);
    }

    /** Every access and refresh token in {@code records}. */
    static List<String> tokens(List<AccountRecord> records) {
        List<String> out = new ArrayList<>();
        for (AccountRecord r : records) {
            out.add(r.accessToken());
            out.add(r.refreshToken());
        }
        return out;
    }

    /** The parts of a token that are unique to it (JWT headers are the same for every token). */
    static List<String> fingerprints(String token) {
        int n = token.length();
        return List.of(token, token.substring(n - 24), token.substring(n / 2 - 12, n / 2 + 12),
                token.substring(n - 200, n - 176));
    }

    private static AccountRecord record(AccountKey id, String upn, int generation) {
        long seed = id.toString().hashCode() * 31L + generation;
        Instant signedIn = T0.minus(Duration.ofDays(3));
        Instant refreshed = T0.plus(Duration.ofMinutes(generation));
        return new AccountRecord(id, "EXCHANGE_ONLINE", upn, upn, "contoso.onmicrosoft.com", SCOPES,
                "1.AQcA" + random(seed, 900), "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + random(seed + 7, 1400),
                refreshed.plus(Duration.ofMinutes(75)), signedIn, refreshed, refreshed);
    }

    private static String random(long seed, int length) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(B64URL.charAt(r.nextInt(B64URL.length())));
        }
        return sb.toString();
    }
}
