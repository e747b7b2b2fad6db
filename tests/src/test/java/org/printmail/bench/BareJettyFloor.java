package org.printmail.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The second reference of the boot budget: {@link BareHttpsFloor}'s work (the same PKCS#12 key,
 * one page over HTTPS) served by Jetty core, the server Web Config is built on, with the two
 * start-up properties the firmware sets for Jetty and SLF4J. Nothing of printmail is loaded. It
 * shows what Jetty itself costs over the JDK's own server. Args: port keystore password.
 */
public final class BareJettyFloor {
    private BareJettyFloor() {
    }

    public static void main(String[] args) throws Exception {
        // As FirmwareMain does: no JMX for a cache-line size, no class-path scan for a provider.
        System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        System.setProperty("slf4j.provider", "org.slf4j.jul.JULServiceProvider");
        SSLContext tls = BareHttpsFloor.tlsContext(args[1], args[2]);
        Server server = new Server(new QueuedThreadPool(8, 4));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls);
        ServerConnector connector = new ServerConnector(server, 1, 1,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(new HttpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        byte[] page = "<!doctype html><title>floor</title><p>ok".getBytes(StandardCharsets.UTF_8);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put("Content-Type", "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap(page), callback);
                return true;
            }
        });
        server.start();
        server.join();
    }
}
