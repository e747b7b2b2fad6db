package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.printmail.codes.JobCode;
import org.printmail.config.IdentitySettings;

/** The error table against golden Microsoft error replies (test-fixtures/identity). */
class ErrorTableTest {
    private static final Path FIXTURES = LabRig.ROOT.resolve("test-fixtures/identity");
    private static final IdentitySettings SETTINGS = new IdentitySettings(
            URI.create("https://login.microsoftonline.com"), "contoso.com",
            "9e5f94bc-e8a4-4e73-b8be-63364c29d753",
            List.of("https://outlook.office.com/SMTP.Send", "offline_access"), Duration.ofSeconds(15));

    static IdentityError fixture(String name) throws Exception {
        String body = Files.readString(FIXTURES.resolve(name + ".json"));
        return IdentityError.fromJson(400, JSONObjectUtils.parse(body)).orElseThrow();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "authorization-pending, PENDING, NOT_SIGNED_IN",
        "authorization-declined, SIGN_IN_FAILED, SIGN_IN_DECLINED",
        "expired-token-70020, SIGN_IN_FAILED, SIGN_IN_CODE_EXPIRED",
        "bad-verification-code, SIGN_IN_FAILED, IDENTITY_CONFIGURATION",
        "invalid-grant-700082, EXPIRED, SIGN_IN_EXPIRED",
        "invalid-grant-50173, SIGN_IN_REQUIRED, SIGN_IN_REQUIRED",
        "invalid-grant-70043, SIGN_IN_REQUIRED, SIGN_IN_REQUIRED",
        "invalid-grant-50076, SIGN_IN_REQUIRED, SIGN_IN_REQUIRED",
        "invalid-grant-53003, CONFIGURATION, SIGN_IN_BLOCKED_BY_POLICY",
        "invalid-client-7000218, CONFIGURATION, IDENTITY_CONFIGURATION",
        "unauthorized-client-700016, CONFIGURATION, IDENTITY_CONFIGURATION",
        "invalid-request-90002, CONFIGURATION, IDENTITY_CONFIGURATION",
        "invalid-grant-unknown-code, SIGN_IN_REQUIRED, SIGN_IN_REQUIRED",
        "temporarily-unavailable, TRANSIENT, IDENTITY_UNREACHABLE",
        "misleading-description, SIGN_IN_REQUIRED, SIGN_IN_REQUIRED",
    })
    void microsoftRepliesClassifyByCodeAndErrorString(String name, Verdict.Kind kind, JobCode code)
            throws Exception {
        Verdict v = ErrorTable.classify(fixture(name), SETTINGS);
        assertEquals(kind, v.kind(), v.detail());
        assertEquals(code, v.code(), v.detail());
    }

    @Test
    void theConfigurationDetailNamesTheSettingAndTheApp() throws Exception {
        String detail = ErrorTable.classify(fixture("unauthorized-client-700016"), SETTINGS).detail();
        assertTrue(detail.contains("9e5f94bc-e8a4-4e73-b8be-63364c29d753"), detail);
        assertTrue(detail.contains("'contoso.com'"), detail);
        assertTrue(detail.contains("Email Server > Basic > Sign-in Authority"), detail);
        assertTrue(detail.contains("Email Server > Basic > Tenant"), detail);
        assertFalse(detail.contains("auth."), "remedies name Web Config's fields, not firmware keys: " + detail);
    }

    @Test
    void diagnosticsKeepTheMachineFieldsAndDropTheDescription() throws Exception {
        IdentityError e = fixture("invalid-grant-700082");
        assertEquals(List.of(700082), e.codes());
        assertEquals("HTTP 400 invalid_grant AADSTS700082 trace_id=0f5e4a1c-7d35-4f5b-9c39-8b0a8d3c2e00"
                + " correlation_id=5d2c1b7e-0e4f-4a8e-a3a1-9f0b9d1c4e11 at 2022-08-25 09:34:07Z",
                e.diagnostics());
    }

    @Test
    void aReplyThatIsNotJsonIsNoVerdict() throws Exception {
        HTTPResponse html = new HTTPResponse(400);
        html.setContentType("text/html");
        html.setBody("<html>invalid_grant</html>");
        assertTrue(IdentityError.parse(html).isEmpty());
        HTTPResponse truncated = new HTTPResponse(400);
        truncated.setContentType("application/json; charset=utf-8");
        truncated.setBody("{\"error\":\"invalid_gr");
        assertTrue(IdentityError.parse(truncated).isEmpty());
        HTTPResponse json = new HTTPResponse(400);
        json.setContentType("application/json; charset=utf-8");
        json.setBody(Files.readString(FIXTURES.resolve("invalid-grant-700082.json")));
        assertEquals("invalid_grant", IdentityError.parse(json).orElseThrow().error());
    }

    @Test
    void fieldsThatCouldInjectIntoLogsAreDropped() throws Exception {
        var json = JSONObjectUtils.parse("{\"error\":\"invalid_grant\",\"trace_id\":\"x\\r\\nFAKE LOG\"}");
        assertEquals("", IdentityError.fromJson(400, json).orElseThrow().traceId());
        var bad = JSONObjectUtils.parse("{\"error\":\"bad\\nerror\"}");
        assertTrue(IdentityError.fromJson(400, bad).isEmpty());
    }
}
