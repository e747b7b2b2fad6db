package org.printmail.auth;

import static org.printmail.auth.Verdict.Kind.CONFIGURATION;
import static org.printmail.auth.Verdict.Kind.EXPIRED;
import static org.printmail.auth.Verdict.Kind.PENDING;
import static org.printmail.auth.Verdict.Kind.SIGN_IN_FAILED;
import static org.printmail.auth.Verdict.Kind.SIGN_IN_REQUIRED;
import static org.printmail.auth.Verdict.Kind.SLOW_DOWN;
import static org.printmail.auth.Verdict.Kind.TRANSIENT;

import java.util.Map;
import java.util.Set;

import org.printmail.codes.JobCode;
import org.printmail.config.IdentitySettings;
import org.printmail.i18n.Text;

/**
 * The one table from Microsoft identity platform errors to device outcomes
 * (docs/error-codes.md, auth section, lists it with Microsoft's references). AADSTS numbers in
 * {@code error_codes} decide first (except the RFC 8628 poll answers, which the {@code error}
 * string decides), then the OAuth {@code error} string; the human-readable
 * {@code error_description} is never looked at.
 */
final class ErrorTable {
    private ErrorTable() { }

    /** Outcome per AADSTS code; its detail is {@code auth.aadsts.<n>} ({0} = client id, {1} = tenant). */
    private record Row(Verdict.Kind kind, JobCode code) { }

    private static final Map<Integer, Row> BY_AADSTS = Map.ofEntries(
            Map.entry(70019, new Row(SIGN_IN_FAILED, JobCode.SIGN_IN_CODE_EXPIRED)),
            Map.entry(70020, new Row(SIGN_IN_FAILED, JobCode.SIGN_IN_CODE_EXPIRED)),
            Map.entry(700082, new Row(EXPIRED, JobCode.SIGN_IN_EXPIRED)),
            Map.entry(50173, new Row(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED)),
            Map.entry(70043, new Row(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED)),
            Map.entry(50076, new Row(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED)),
            Map.entry(50079, new Row(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED)),
            Map.entry(65001, new Row(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED)),
            Map.entry(53003, new Row(CONFIGURATION, JobCode.SIGN_IN_BLOCKED_BY_POLICY)),
            Map.entry(530035, new Row(CONFIGURATION, JobCode.SIGN_IN_BLOCKED_BY_POLICY)),
            Map.entry(7000218, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION)),
            Map.entry(700016, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION)),
            Map.entry(90002, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION)),
            Map.entry(50194, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION)),
            Map.entry(9002332, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION)),
            Map.entry(700025, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION)),
            Map.entry(90094, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION)),
            Map.entry(500011, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION)),
            Map.entry(50196, new Row(TRANSIENT, JobCode.IDENTITY_UNREACHABLE)));

    /** RFC 8628 poll answers: decided by the error string, whatever AADSTS code rides along. */
    private static final Set<String> DEVICE_FLOW_ERRORS = Set.of(
            "authorization_pending", "slow_down", "authorization_declined", "access_denied",
            "expired_token", "code_expired", "bad_verification_code");

    static Verdict classify(IdentityError e, IdentitySettings settings) {
        if (DEVICE_FLOW_ERRORS.contains(e.error())) {
            return byErrorString(e, settings);
        }
        for (int code : e.codes()) {
            Row row = BY_AADSTS.get(code);
            if (row != null) {
                return Verdict.of(row.kind(), row.code(),
                        Text.of("auth.aadsts." + code, settings.clientId(), settings.tenant()));
            }
        }
        return byErrorString(e, settings);
    }

    private static Verdict byErrorString(IdentityError e, IdentitySettings settings) {
        String label = e.label();
        return switch (e.error()) {
            case "authorization_pending" -> Verdict.of(PENDING, JobCode.NOT_SIGNED_IN,
                    Text.of("auth.error.authorization_pending"));
            case "slow_down" -> Verdict.of(SLOW_DOWN, JobCode.NOT_SIGNED_IN,
                    Text.of("auth.error.slow_down"));
            case "authorization_declined", "access_denied" -> Verdict.of(SIGN_IN_FAILED, JobCode.SIGN_IN_DECLINED,
                    Text.of("auth.error.authorization_declined", label));
            case "expired_token", "code_expired" -> Verdict.of(SIGN_IN_FAILED, JobCode.SIGN_IN_CODE_EXPIRED,
                    Text.of("auth.error.expired_token", label));
            case "bad_verification_code" -> Verdict.of(SIGN_IN_FAILED, JobCode.IDENTITY_CONFIGURATION,
                    Text.of("auth.error.bad_verification_code", label));
            case "invalid_grant", "interaction_required" -> Verdict.of(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED,
                    Text.of("auth.error.invalid_grant", label));
            case "temporarily_unavailable", "server_error" -> Verdict.of(TRANSIENT, JobCode.IDENTITY_UNREACHABLE,
                    Text.of("auth.error.temporarily_unavailable", label));
            case "invalid_client", "unauthorized_client" -> Verdict.of(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    Text.of("auth.error.invalid_client", settings.clientId(), settings.tenant(), label));
            case "invalid_scope" -> Verdict.of(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    Text.of("auth.error.invalid_scope", label,
                            "https://outlook.office.com/SMTP.Send offline_access"));
            default -> Verdict.of(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    Text.of("auth.error.unknown", label));
        };
    }
}
