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

/**
 * The one table from Microsoft identity platform errors to device outcomes
 * (docs/error-codes.md, auth section, lists it with Microsoft's references). AADSTS numbers in
 * {@code error_codes} decide first (except the RFC 8628 poll answers, which the {@code error}
 * string decides), then the OAuth {@code error} string; the human-readable
 * {@code error_description} is never looked at.
 */
final class ErrorTable {
    private ErrorTable() { }

    /** Detail text per AADSTS code; %1$s = client id, %2$s = tenant. */
    private record Row(Verdict.Kind kind, JobCode code, String detail) { }

    private static final Map<Integer, Row> BY_AADSTS = Map.ofEntries(
            Map.entry(70019, new Row(SIGN_IN_FAILED, JobCode.SIGN_IN_CODE_EXPIRED,
                    "the sign-in code expired (AADSTS70019); start Sign In again for a new code")),
            Map.entry(70020, new Row(SIGN_IN_FAILED, JobCode.SIGN_IN_CODE_EXPIRED,
                    "the sign-in code expired (AADSTS70020); start Sign In again for a new code")),
            Map.entry(700082, new Row(EXPIRED, JobCode.SIGN_IN_EXPIRED,
                    "the sign-in lapsed after 90 days without use (AADSTS700082); sign in again")),
            Map.entry(50173, new Row(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED,
                    "the sign-in was revoked (password change or administrator, AADSTS50173); sign"
                            + " in again")),
            Map.entry(70043, new Row(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED,
                    "the organization's sign-in frequency policy requires a new sign-in"
                            + " (AADSTS70043); sign in again")),
            Map.entry(50076, new Row(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED,
                    "multi-factor authentication is now required (AADSTS50076); sign in again")),
            Map.entry(50079, new Row(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED,
                    "the account must register for multi-factor authentication (AADSTS50079); sign"
                            + " in again and complete the registration")),
            Map.entry(65001, new Row(SIGN_IN_REQUIRED, JobCode.SIGN_IN_REQUIRED,
                    "consent to the app is missing (AADSTS65001); sign in again and accept the"
                            + " permission request")),
            Map.entry(53003, new Row(CONFIGURATION, JobCode.SIGN_IN_BLOCKED_BY_POLICY,
                    "a Conditional Access policy blocks this sign-in (AADSTS53003). In the"
                            + " Microsoft Entra admin center > Conditional Access, exclude this"
                            + " device's account or allow the device code flow (Authentication"
                            + " flows condition), then sign in again")),
            Map.entry(530035, new Row(CONFIGURATION, JobCode.SIGN_IN_BLOCKED_BY_POLICY,
                    "security defaults block this sign-in (AADSTS530035). An administrator must"
                            + " turn off security defaults or replace them with Conditional Access"
                            + " policies that allow this device, then sign in again")),
            Map.entry(7000218, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    "public client flows are off for app %1$s (AADSTS7000218). In the Entra admin"
                            + " center > App registrations > the app > Authentication, set 'Allow"
                            + " public client flows' to Yes")),
            Map.entry(700016, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    "app %1$s is not found in tenant '%2$s' (AADSTS700016). Check the firmware"
                            + " profile's client ID (Email Server > Basic > Sign-in Authority) and"
                            + " Email Server > Basic > Tenant, or have an administrator add the"
                            + " app to the tenant")),
            Map.entry(90002, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    "tenant '%2$s' does not exist (AADSTS90002). Set Email Server > Basic > Tenant"
                            + " to the tenant ID or a verified domain (empty: organizations)")),
            Map.entry(50194, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    "app %1$s is single-tenant and cannot sign in through '%2$s' (AADSTS50194)."
                            + " Set Email Server > Basic > Tenant to the tenant ID or domain")),
            Map.entry(9002332, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    "app %1$s accepts work or school accounts only and cannot sign in personal"
                            + " accounts through '%2$s' (AADSTS9002332). Choose Exchange Online,"
                            + " or register the app for 'accounts in any organizational directory"
                            + " and personal Microsoft accounts'")),
            Map.entry(700025, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    "the identity platform says app %1$s received a client secret, which a public"
                            + " client must not send (AADSTS700025). Check that the app"
                            + " registration is a public client; report this to support")),
            Map.entry(90094, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    "an administrator must consent to app %1$s (AADSTS90094). Sign in once as a"
                            + " Cloud Application Administrator and tick 'Consent on behalf of"
                            + " your organization', or grant admin consent in the Entra admin"
                            + " center > Enterprise applications")),
            Map.entry(500011, new Row(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    "the tenant has no Exchange Online service principal (AADSTS500011). Check"
                            + " Email Server > Basic > Tenant and that Exchange Online is"
                            + " licensed")),
            Map.entry(50196, new Row(TRANSIENT, JobCode.IDENTITY_UNREACHABLE,
                    "the identity platform detected too many requests (AADSTS50196); backing"
                            + " off")));

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
                        String.format(row.detail(), settings.clientId(), settings.tenant()));
            }
        }
        return byErrorString(e, settings);
    }

    private static Verdict byErrorString(IdentityError e, IdentitySettings settings) {
        String label = e.label();
        return switch (e.error()) {
            case "authorization_pending" -> Verdict.of(PENDING, JobCode.NOT_SIGNED_IN,
                    "waiting for the user to sign in");
            case "slow_down" -> Verdict.of(SLOW_DOWN, JobCode.NOT_SIGNED_IN,
                    "the identity platform asked to poll more slowly");
            case "authorization_declined", "access_denied" -> Verdict.of(SIGN_IN_FAILED,
                    JobCode.SIGN_IN_DECLINED, "the sign-in was declined (" + label + ")");
            case "expired_token", "code_expired" -> Verdict.of(SIGN_IN_FAILED,
                    JobCode.SIGN_IN_CODE_EXPIRED, "the sign-in code expired (" + label
                            + "); start Sign In again for a new code");
            case "bad_verification_code" -> Verdict.of(SIGN_IN_FAILED,
                    JobCode.IDENTITY_CONFIGURATION, "the identity platform did not recognise the"
                            + " device code (" + label + "); start Sign In again, and if this"
                            + " repeats check Email Server > Basic > Tenant");
            case "invalid_grant", "interaction_required" -> Verdict.of(SIGN_IN_REQUIRED,
                    JobCode.SIGN_IN_REQUIRED, "the sign-in is no longer accepted (" + label
                            + "); sign in again");
            case "temporarily_unavailable", "server_error" -> Verdict.of(TRANSIENT,
                    JobCode.IDENTITY_UNREACHABLE, "the identity platform is unavailable (" + label + ")");
            case "invalid_client", "unauthorized_client" -> Verdict.of(CONFIGURATION,
                    JobCode.IDENTITY_CONFIGURATION, "app " + settings.clientId() + " may not sign in"
                            + " through '" + settings.tenant() + "' (" + label + ")."
                            + " Check the firmware"
                            + " profile's client ID (Email Server > Basic > Sign-in Authority),"
                            + " that 'Allow public client flows' is Yes, and for Outlook.com that"
                            + " the app allows personal accounts");
            case "invalid_scope" -> Verdict.of(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    "the scopes were refused (" + label + "). The firmware profile's scopes must be"
                            + " https://outlook.office.com/SMTP.Send offline_access");
            default -> Verdict.of(CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                    "the identity platform refused the request (" + label + "); check the client"
                            + " ID, tenant and scopes, and give support the diagnostics line");
        };
    }
}
