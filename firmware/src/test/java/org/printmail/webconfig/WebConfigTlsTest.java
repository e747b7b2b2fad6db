package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web Config's certificate, loaded on its own thread: what the boot gets back. */
class WebConfigTlsTest {
    private static final Path ROOT = Files.isDirectory(Path.of("test-fixtures"))
            ? Path.of("").toAbsolutePath() : Path.of("").toAbsolutePath().getParent();
    private static final Path KEYSTORE = ROOT.resolve("test-fixtures/tls/localhost.p12");
    private static final String PASSWORD = "test-only"; // TEST-ONLY key store

    @TempDir
    Path dir;

    private WebConfigOptions options(Path keyStore, String password) {
        return WebConfigOptions.defaults(keyStore, password, dir, "first-boot-TEST-ONLY");
    }

    @Test
    void theDeviceCertificateArrivesAsAServerContextWithWebConfigsProtocolsOnly() {
        SSLContext ctx = WebConfigTls.load(options(KEYSTORE, PASSWORD)).await();
        var engine = ctx.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(WebConfigTls.PROTOCOLS);
        engine.setEnabledCipherSuites(WebConfigTls.CIPHER_SUITES);
        assertEquals(2, engine.getEnabledProtocols().length);
    }

    @Test
    void aWrongPasswordIsReportedWithTheFileNameAndNeverThePassword() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WebConfigTls.load(options(KEYSTORE, "wrong-secret-TEST-ONLY")).await());
        assertTrue(e.getMessage().contains("localhost.p12"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret"), e.getMessage());
    }

    @Test
    void aMissingKeyStoreIsReportedAtTheWaitNotLost() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WebConfigTls.load(options(dir.resolve("none.p12"), PASSWORD)).await());
        assertTrue(e.getMessage().contains("none.p12"), e.getMessage());
    }
}
