package org.printmail.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.lab.LabClient.flowToken;
import static org.printmail.lab.LabClient.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.printmail.testing.LogCapture;

class SecretsNeverLoggedTest {

    @Test
    void noTokenDeviceCodeOrPasswordReachesTheLog() throws Exception {
        LogCapture capture = LogCapture.start(Level.ALL);
        List<String> secrets = new ArrayList<>();
        try (LabFixture f = new LabFixture()) {
            LabClient browser = new LabClient(f.lab.authorityBase(), Duration.ofSeconds(5), true);
            JsonNode code = f.client.deviceCode("organizations");
            String account = browser.post("/devicelogin",
                    form("otc", code.get("user_code").asText())).body();
            String flow = flowToken(account);
            browser.post("/devicelogin", form("flowToken", flow, "login", LabUsers.ADMIN));
            browser.post("/devicelogin", form("flowToken", flow, "passwd", "typo-password"));
            String consent = browser.post("/devicelogin", form("flowToken", flow, "passwd",
                    LabUsers.ADMIN_PASSWORD)).body();
            browser.post("/devicelogin", form("flowToken", flowToken(consent), "action",
                    "accept"));
            JsonNode tokens = LabClient.json(f.client.poll(code.get("device_code").asText()));
            JsonNode refreshed = LabClient.json(
                    f.client.refresh(tokens.get("refresh_token").asText()));
            f.lab.injectFault(LabFault.of(LabFault.Kind.CUT_AFTER_ROTATE, 1));
            try {
                f.client.refresh(refreshed.get("refresh_token").asText());
            } catch (java.io.IOException expected) {
                // the cut connection
            }
            secrets.addAll(List.of(code.get("device_code").asText(), flow,
                    tokens.get("access_token").asText(), tokens.get("refresh_token").asText(),
                    refreshed.get("access_token").asText(),
                    refreshed.get("refresh_token").asText(), LabUsers.ADMIN_PASSWORD,
                    "typo-password"));
        } finally {
            capture.close();
        }
        List<String> lines = capture.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("device code issued")), lines::toString);
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "secret in log line: " + line);
            }
        }
    }

    @Test
    void valuesThatHoldSecretsDoNotPrintThem() {
        String s = new DeviceCodes.Issued("device-secret", "BCDFGHJKL", 900, 5).toString()
                + new LabGrants.Issued("at-secret", "rt-secret", "scope", 3599, "id-secret")
                + new LabUsers().find(LabUsers.ADMIN).orElseThrow();
        assertFalse(s.contains("secret") || s.contains(LabUsers.ADMIN_PASSWORD), s);
    }
}
