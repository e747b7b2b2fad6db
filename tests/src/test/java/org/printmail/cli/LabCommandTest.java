package org.printmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.device.DeviceCommand;
import org.printmail.i18n.Messages;
import org.printmail.trust.TlsTrust;

/** {@code printmail lab} and {@code printmail device} as a person runs them: whole processes. */
class LabCommandTest {
    @TempDir
    Path data;

    static int webConfigAnswers(String bannerLine) throws Exception {
        URI web = URI.create(bannerLine.substring(bannerLine.indexOf("https://")).split("\\s+")[0]);
        HttpClient http = HttpClient.newBuilder().sslContext(TlsTrust.withCaFiles(
                List.of(PrintmailProcess.ROOT.resolve("test-fixtures/tls/test-ca.pem"))).sslContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(web).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    @Timeout(90)
    void labStartsWebConfigAndTheControlPanelAndQuitsCleanly() throws Exception {
        try (PrintmailProcess p = new PrintmailProcess(Map.of(), "lab", "--web-port", "0", "--data-dir",
                data.toString())) {
            String banner = p.readUntil("Web Config:");
            p.readUntil("Device data:");
            assertEquals(3, webConfigAnswers(banner) / 100, "Web Config redirects to its login page");
            assertEquals(0, p.finish("5\n1\nq\nq\n"), p.screen());
            assertTrue(Messages.stripDirectionalControls(p.screen()).contains(
                    "Current Status: Not signed in (code 360)"), p.screen());
        }
    }

    @Test
    @Timeout(90)
    void labBindsFreePortsSoItStartsWhileItsFormerFixedPortsAreTaken() throws Exception {
        // 18443 and 10587 are the lab profile's ports, 8443 the former Web Config default.
        List<ServerSocket> held = new java.util.ArrayList<>();
        for (int port : new int[] {18443, 10587, 8443}) {
            try {
                held.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
            } catch (java.io.IOException alreadyTaken) {
                // taken by someone else: just as good for this test
            }
        }
        try (PrintmailProcess p = new PrintmailProcess(Map.of(), "lab", "--data-dir", data.toString())) {
            String banner = p.readUntil("Web Config:");
            assertEquals(3, webConfigAnswers(banner) / 100);
            assertEquals(0, p.finish("q\n"), p.screen());
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    @Test
    @Timeout(90)
    void deviceRunsTheExchangeOnlineProfileWithSecretsFromTheEnvironmentOnly() throws Exception {
        String keystorePassword = "test-only";
        try (PrintmailProcess p = new PrintmailProcess(Map.of(DeviceCommand.KEYSTORE_PASSWORD_ENV, keystorePassword,
                DeviceCommand.ADMIN_PASSWORD_ENV, "first-boot-TEST-ONLY"), "device", "--profile", "exchange-online",
                "--data-dir", data.toString(), "--web-port", "0", "--web-keystore",
                PrintmailProcess.ROOT.resolve("test-fixtures/tls/localhost.p12").toString())) {
            String banner = p.readUntil("printmail device:");
            assertEquals(3, webConfigAnswers(banner) / 100);
            assertEquals(0, p.finish("5\n1\nq\nq\n"), p.screen());
            String s = Messages.stripDirectionalControls(p.screen()); // the panel isolates values
            assertTrue(s.contains("Email service: Microsoft Exchange Online"), s);
            assertTrue(s.contains("SMTP Server: smtp.office365.com:587, STARTTLS"), s);
            assertTrue(s.contains("Certificate Validation: Enable"), s);
            assertTrue(!s.contains(keystorePassword) && !s.contains("first-boot-TEST-ONLY"), s);
        }
    }

    @Test
    @Timeout(60)
    void deviceWithoutItsSecretsRefusesToStartWithOneClearLineAndNoStackTrace() throws Exception {
        try (PrintmailProcess p = new PrintmailProcess(Map.of(), "device", "--data-dir", data.toString(),
                "--web-keystore", "whatever.p12")) {
            assertEquals(1, p.finish(""));
            assertTrue(p.screen().contains(DeviceCommand.KEYSTORE_PASSWORD_ENV + ": is not set"), p.screen());
            assertTrue(p.screen().contains("Remedy:"), p.screen());
            assertTrue(!p.screen().contains("\tat "), "no stack trace: " + p.screen());
        }
    }
}
