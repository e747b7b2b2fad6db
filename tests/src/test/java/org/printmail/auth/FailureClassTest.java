package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.lab.RevocationReason;
import org.printmail.store.AccountRecord;

/**
 * Every failure class of the error table, produced by the lab identity platform over HTTPS:
 * the resulting account state, job-log code, and the fix named in the detail.
 */
class FailureClassTest {

    static Stream<Arguments> refreshRejections() {
        return Stream.of(
                Arguments.of(RevocationReason.PASSWORD_CHANGED, JobCode.SIGN_IN_REQUIRED, "revoked"),
                Arguments.of(RevocationReason.ADMIN_REVOKED, JobCode.SIGN_IN_REQUIRED, "revoked"),
                Arguments.of(RevocationReason.SIGN_IN_FREQUENCY, JobCode.SIGN_IN_REQUIRED, "frequency"),
                Arguments.of(RevocationReason.MFA_REQUIRED, JobCode.SIGN_IN_REQUIRED, "multi-factor"),
                Arguments.of(RevocationReason.MFA_ENROLLMENT, JobCode.SIGN_IN_REQUIRED, "register"),
                Arguments.of(RevocationReason.CONSENT_REQUIRED, JobCode.SIGN_IN_REQUIRED, "consent"),
                Arguments.of(RevocationReason.ADMIN_CONSENT_REQUIRED, JobCode.IDENTITY_CONFIGURATION,
                        "Consent on behalf of your organization"),
                Arguments.of(RevocationReason.BLOCKED_BY_CONDITIONAL_ACCESS,
                        JobCode.SIGN_IN_BLOCKED_BY_POLICY, "Conditional Access"),
                Arguments.of(RevocationReason.BLOCKED_BY_SECURITY_DEFAULTS,
                        JobCode.SIGN_IN_BLOCKED_BY_POLICY, "security defaults"),
                Arguments.of(RevocationReason.PUBLIC_CLIENT_FLOWS_DISABLED,
                        JobCode.IDENTITY_CONFIGURATION, "'Allow public client flows' to Yes"),
                Arguments.of(RevocationReason.APP_NOT_FOUND, JobCode.IDENTITY_CONFIGURATION,
                        "firmware profile's client ID"),
                Arguments.of(RevocationReason.TENANT_NOT_FOUND, JobCode.IDENTITY_CONFIGURATION,
                        "Email Server > Basic > Tenant"),
                Arguments.of(RevocationReason.SINGLE_TENANT_APP_ON_COMMON,
                        JobCode.IDENTITY_CONFIGURATION, "tenant ID or domain"),
                Arguments.of(RevocationReason.ENTRA_APP_ON_CONSUMERS, JobCode.IDENTITY_CONFIGURATION,
                        "personal Microsoft accounts"),
                Arguments.of(RevocationReason.CLIENT_SECRET_SENT, JobCode.IDENTITY_CONFIGURATION,
                        "public client"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refreshRejections")
    void aRejectedRefreshMovesTheAccountToSignInRequiredWithItsCode(RevocationReason reason,
                                                                   JobCode code, String fix)
            throws Exception {
        try (LabRig rig = new LabRig()) {
            AccountRecord before = rig.signIn();
            rig.lab.revoke(LabRig.ADMIN, reason);
            rig.advancePastExpiry();
            PrintmailException e = rig.accessTokenFails(code);
            assertTrue(e.detail().contains(fix), e.detail());
            assertTrue(e.detail().contains("AADSTS" + reason.aadstsCode()), e.detail());
            AccountStatus s = rig.awaitState(AccountState.SIGN_IN_REQUIRED);
            assertEquals(code, s.code());
            assertTrue(s.diagnostics().contains("AADSTS" + reason.aadstsCode()), s.diagnostics());
            assertTrue(s.diagnostics().contains("trace_id="), s.diagnostics());
            // No further requests while the verdict stands; the refresh token is kept, not wiped.
            rig.accessTokenFails(code);
            assertEquals(1, rig.refreshRequests());
            assertEquals(before.refreshToken(), rig.record().refreshToken());
        }
    }

    @Test
    void refreshTokenInactiveFor90DaysMeansExpired361() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.lab.expireRefreshTokens(LabRig.ADMIN);
            rig.advancePastExpiry();
            rig.accessTokenFails(JobCode.SIGN_IN_EXPIRED);
            AccountStatus s = rig.awaitState(AccountState.EXPIRED);
            assertEquals(JobCode.SIGN_IN_EXPIRED, s.code());
            assertTrue(s.diagnostics().contains("invalid_grant AADSTS700082"), s.diagnostics());
            assertEquals(JobCode.SIGN_IN_EXPIRED, AccountState.EXPIRED.jobCode());
        }
    }

    @Test
    void anyOtherInvalidGrantMeansSignInRequired370() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.lab.reset(); // the platform no longer knows the refresh token
            rig.advancePastExpiry();
            rig.accessTokenFails(JobCode.SIGN_IN_REQUIRED);
            AccountStatus s = rig.awaitState(AccountState.SIGN_IN_REQUIRED);
            assertTrue(s.diagnostics().startsWith("HTTP 400 invalid_grant"), s.diagnostics());
        }
    }

    @Test
    void anExpiredAccountCanSignInAgain() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.lab.expireRefreshTokens(LabRig.ADMIN);
            rig.advancePastExpiry();
            rig.accessTokenFails(JobCode.SIGN_IN_EXPIRED);
            rig.signIn();
            assertTrue(rig.lab.isValid(LabRig.ADMIN, rig.manager.accessToken(LabRig.DEVICE)));
        }
    }

    static Stream<Arguments> requestLevelReasons() {
        return Stream.of(
                Arguments.of(RevocationReason.APP_NOT_FOUND, "firmware profile's client ID"),
                Arguments.of(RevocationReason.TENANT_NOT_FOUND, "Email Server > Basic > Tenant"),
                Arguments.of(RevocationReason.SINGLE_TENANT_APP_ON_COMMON, "Email Server > Basic > Tenant"),
                Arguments.of(RevocationReason.ENTRA_APP_ON_CONSUMERS, "Exchange Online"),
                Arguments.of(RevocationReason.CLIENT_SECRET_SENT, "public client"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestLevelReasons")
    void aConfigurationErrorAtStartSays372AndWhatToChange(RevocationReason reason, String fix) {
        try (LabRig rig = new LabRig()) {
            rig.lab.failDeviceCodeFlow(reason);
            PrintmailException e = assertThrows(PrintmailException.class,
                    () -> rig.manager.startSignIn(LabRig.DEVICE, rig.profile));
            assertEquals(JobCode.IDENTITY_CONFIGURATION, e.code());
            assertTrue(e.detail().contains(fix), e.detail());
            assertEquals(AccountState.NOT_SIGNED_IN, rig.manager.status(LabRig.DEVICE).state());
        }
    }

    static Stream<Arguments> signInRefusals() {
        return Stream.of(
                Arguments.of(RevocationReason.BLOCKED_BY_CONDITIONAL_ACCESS, JobCode.SIGN_IN_BLOCKED_BY_POLICY),
                Arguments.of(RevocationReason.BLOCKED_BY_SECURITY_DEFAULTS, JobCode.SIGN_IN_BLOCKED_BY_POLICY),
                Arguments.of(RevocationReason.MFA_REQUIRED, JobCode.SIGN_IN_REQUIRED),
                // Microsoft answers the devicecode request, then demands a secret at the token poll.
                Arguments.of(RevocationReason.PUBLIC_CLIENT_FLOWS_DISABLED, JobCode.IDENTITY_CONFIGURATION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signInRefusals")
    void aSignInRefusedByPolicyEndsWithItsCode(RevocationReason reason, JobCode code)
            throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.lab.failDeviceCodeFlow(reason);
            DeviceCodePrompt prompt = rig.start();
            rig.sleeper.awaitSleep();
            rig.lab.approve(prompt.userCode(), LabRig.ADMIN);
            rig.sleeper.release();
            AccountStatus s = rig.awaitState(AccountState.NOT_SIGNED_IN);
            assertEquals(code, s.code());
            assertTrue(s.diagnostics().contains("AADSTS" + reason.aadstsCode()), s.diagnostics());
        }
    }
}
