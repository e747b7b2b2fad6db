package org.printmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.trust.TlsTrust;

/** {@code printmail lab} as a person runs it: a whole process, Web Config answering, the panel on stdin. */
class LabCommandTest {
    @TempDir
    Path data;

    @Test
    @Timeout(90)
    void labStartsWebConfigAndTheControlPanelAndQuitsCleanly() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "lab", "--web-port", "0", "--data-dir", data.toString())
                .directory(root.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder screen = new StringBuilder();
        URI web = null;
        Pattern url = Pattern.compile("Web Config: +(https://\\S+)");
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            screen.append(line).append('\n');
            Matcher m = url.matcher(line);
            if (m.find()) {
                web = URI.create(m.group(1));
            }
            if (line.startsWith("  Device data:")) {
                break;
            }
        }
        assertTrue(web != null, screen.toString());
        HttpClient http = HttpClient.newBuilder().sslContext(TlsTrust.withCaFiles(
                List.of(root.resolve("test-fixtures/tls/test-ca.pem"))).sslContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(web).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(3, page.statusCode() / 100, "Web Config redirects to its login page");
        try (OutputStream keys = p.getOutputStream()) {
            keys.write("5\n1\nq\nq\n".getBytes(StandardCharsets.UTF_8));
        }
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            screen.append(line).append('\n');
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), screen.toString());
        assertEquals(0, p.exitValue(), screen.toString());
        assertTrue(screen.toString().contains("Current Status: Not signed in (code 360)"), screen.toString());
    }
}
