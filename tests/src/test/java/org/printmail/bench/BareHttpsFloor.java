package org.printmail.bench;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The floor for the boot budget: a bare JDK HTTPS server that loads the same PKCS#12 key as Web
 * Config and answers one page. Nothing of printmail is loaded. Args: port keystore password.
 */
public final class BareHttpsFloor {
    private BareHttpsFloor() {
    }

    public static void main(String[] args) throws Exception {
        SSLContext tls = tlsContext(args[1], args[2]);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        byte[] page = "<!doctype html><title>floor</title><p>ok".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        server.start();
    }

    /** The server context of the floors: the PKCS#12 key, the JDK's defaults, nothing else. */
    static SSLContext tlsContext(String keystore, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(keystore))) {
            ks.load(in, password.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }
}
