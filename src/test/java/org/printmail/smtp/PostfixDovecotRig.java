package org.printmail.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.printmail.lab.LabIdentityPlatform;
import org.printmail.lab.LabUsers;

/**
 * A real submission server for the tests: Debian's Postfix (port 587 style: STARTTLS required,
 * AUTH through Dovecot SASL) and Dovecot (oauth2 passdb checking bearer tokens by RFC 7662
 * introspection against the lab identity platform; LMTP delivery into a Maildir per user).
 *
 * <p>Everything lives under {@code target/pfdv/<run>}: both configurations, Postfix's queue,
 * Dovecot's sockets, the logs and the delivered mail. Nothing under /etc is read or changed
 * beyond what the packages installed; no system service is started. Postfix runs with its own
 * {@code config_directory} ({@code postfix -c DIR start}/{@code stop}), Dovecot in the foreground
 * as a child process ({@code dovecot -F -c FILE}). The submission port is a free loopback port;
 * everything else talks over Unix sockets in the run folder. Both stop in {@link #close()}, and a
 * shutdown hook stops them should the JVM end first.
 */
public final class PostfixDovecotRig implements AutoCloseable {
    static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    static final Path DOVECOT_LMTP = Path.of("/usr/lib/dovecot/lmtp");
    /** Accepts the lab's TEST-ONLY certificate files from the project root. */
    private static final Path TLS = Path.of("test-fixtures", "tls").toAbsolutePath();
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dir;
    private final int port;
    private final Process dovecot;
    private final Thread hook;
    private boolean postfixStarted;

    private PostfixDovecotRig(Path dir, URI introspection) throws IOException {
        this.dir = dir;
        this.port = freePort();
        writeTls();
        writeDovecot(introspection);
        writePostfix();
        this.hook = new Thread(this::stopQuietly, "pfdv-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        this.dovecot = new ProcessBuilder(DOVECOT.toString(), "-F", "-c", path("dovecot/dovecot.conf"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot/stdout.log").toFile())
                .start();
        try {
            awaitFile(dir.resolve("dovecot/run/auth-postfix"), "Dovecot's auth socket");
            awaitFile(dir.resolve("dovecot/run/lmtp-postfix"), "Dovecot's LMTP socket");
            run(POSTFIX.toString(), "-c", path("postfix"), "start");
            postfixStarted = true;
            awaitPort();
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Starts Postfix and Dovecot whose token checks go to this introspection URL (credentials
     * inside, as Dovecot takes them). Skips the test when the packages are missing, unless CI is
     * set: under {@code CI=true} a missing package fails it.
     */
    public static PostfixDovecotRig start(LabIdentityPlatform lab) { return start(lab.port()); }

    /**
     * As {@link #start(LabIdentityPlatform)} for a lab identity platform that is (or will be)
     * listening on this loopback port: a rig shared by a test class outlives each test's lab.
     */
    public static PostfixDovecotRig start(int labPort) {
        return start(URI.create("https://" + LabIdentityPlatform.INTROSPECTION_CLIENT_ID + ":"
                + LabIdentityPlatform.INTROSPECTION_CLIENT_SECRET + "@localhost:" + labPort + "/"
                + LabUsers.TENANT_DOMAIN + "/oauth2/v2.0/introspect"));
    }

    /** As {@link #start(LabIdentityPlatform)}, with the introspection URL given. */
    public static PostfixDovecotRig start(URI introspectionWithCredentials) {
        assumeInstalled();
        Path base = Path.of("target", "pfdv").toAbsolutePath();
        try {
            Files.createDirectories(base);
            // Postfix and Dovecot drop to their own users, which must reach their files here.
            Path run = Files.createTempDirectory(base, "run", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            return new PostfixDovecotRig(run, introspectionWithCredentials);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Postfix + Dovecot (logs under " + base + ")", e);
        }
    }

    /** Aborts (skips) the test when Postfix or Dovecot is not installed and CI is unset. */
    public static void assumeInstalled() {
        List<Path> missing = Stream.of(POSTFIX, DOVECOT, DOVECOT_LMTP).filter(p -> !Files.isExecutable(p))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "Postfix + Dovecot tests need Debian's postfix, dovecot-core and dovecot-lmtpd"
                + " (missing " + missing + "); .ci/run installs them";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + ". CI=true: a missing server fails instead of skipping.");
        }
        Assumptions.abort(message);
    }

    /** The submission port on 127.0.0.1 / localhost (STARTTLS, AUTH XOAUTH2 and OAUTHBEARER). */
    public int port() { return port; }

    /** The run folder: configurations, logs, queue and mail. */
    public Path dir() { return dir; }

    /** Messages delivered to the mailbox so far (raw RFC 5322 files from the Maildir). */
    public List<Path> delivered(String address) {
        Path inbox = dir.resolve("mail").resolve(localPart(address)).resolve("Maildir/new");
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits (real time, bounded) until the mailbox holds this many messages: Postfix delivers
     * through its queue, after its 250 to the client.
     */
    public List<Path> awaitDelivered(String address, int count, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        List<Path> now = delivered(address);
        while (now.size() < count && System.nanoTime() < end) {
            Thread.sleep(20);
            now = delivered(address);
        }
        if (now.size() < count) {
            throw new AssertionError(address + " got " + now.size() + " of " + count
                    + " messages within " + limit + "; see " + dir.resolve("postfix.log"));
        }
        return now;
    }

    /** The last lines of both logs, for a failing test's message. */
    public String logTail() {
        StringBuilder out = new StringBuilder();
        for (String log : List.of("postfix.log", "dovecot/dovecot.log")) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(log), StandardCharsets.UTF_8);
                out.append("--- ").append(log).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            } catch (IOException e) {
                out.append("--- ").append(log).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    /** Stops both servers and deletes the delivered mail (large); configurations and logs stay. */
    @Override
    public void close() {
        stopQuietly();
        deleteMail();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void deleteMail() {
        try (Stream<Path> files = Files.walk(dir.resolve("mail"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("pfdv: could not delete " + dir.resolve("mail") + ": " + e.getMessage());
        }
    }

    private synchronized void stopQuietly() {
        if (postfixStarted) {
            try {
                run(POSTFIX.toString(), "-c", path("postfix"), "stop");
            } catch (IOException | RuntimeException e) {
                System.err.println("pfdv: postfix stop failed: " + e.getMessage());
            }
            postfixStarted = false;
        }
        if (dovecot != null && dovecot.isAlive()) {
            dovecot.destroy(); // SIGTERM: the master stops its children
            try {
                if (!dovecot.waitFor(10, TimeUnit.SECONDS)) {
                    dovecot.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                dovecot.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- configuration ---------------------------------------------------------------------

    private void writeTls() throws IOException {
        Files.createDirectories(dir.resolve("tls"));
        try (InputStream in = Files.newInputStream(TLS.resolve("localhost.p12"))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            char[] pw = SmtpFixtures.PASSWORD.toCharArray();
            ks.load(in, pw);
            String alias = ks.aliases().nextElement();
            Key key = ks.getKey(alias, pw);
            StringBuilder chain = new StringBuilder();
            for (Certificate c : ks.getCertificateChain(alias)) {
                chain.append(pem("CERTIFICATE", c.getEncoded()));
            }
            Files.writeString(dir.resolve("tls/localhost-chain.pem"), chain);
            Path keyFile = dir.resolve("tls/localhost-key.pem");
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (GeneralSecurityException e) {
            throw new IOException("TEST-ONLY keystore localhost.p12", e);
        }
    }

    private void writeDovecot(URI introspection) throws IOException {
        Files.createDirectories(dir.resolve("dovecot"));
        Path mail = Files.createDirectories(dir.resolve("mail"));
        // The LMTP process writes as the mail user; the test (root or not) reads it back.
        Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rwxrwxrwx"));
        String internal = ROOT ? "dovecot" : System.getProperty("user.name");
        String login = ROOT ? "dovenull" : internal;
        String mailUser = ROOT ? "uid=nobody gid=nogroup" : "uid=" + internal + " gid=" + internal;
        String oauth2 = String.join("\n",
                "introspection_mode = post",
                "introspection_url = " + introspection,
                "username_attribute = email",
                "active_attribute = active",
                "active_value = true",
                "tls_ca_cert_file = " + TLS.resolve("test-ca.pem"),
                "timeout_msecs = 5000",
                "");
        Path oauthFile = dir.resolve("dovecot/oauth2.conf.ext");
        Files.writeString(oauthFile, oauth2);
        String conf = String.join("\n",
                "# printmail test rig: Dovecot as SASL (oauth2 by introspection) and LMTP only.",
                "base_dir = " + path("dovecot/run"),
                "state_dir = " + path("dovecot/state"),
                "instance_name = " + dir.getFileName(),
                "protocols = lmtp",
                "listen = 127.0.0.1",
                "ssl = no",
                "log_path = " + path("dovecot/dovecot.log"),
                "auth_verbose = yes",
                "default_internal_user = " + internal,
                "default_login_user = " + login,
                "first_valid_uid = 1",
                "mail_location = maildir:" + path("mail") + "/%n/Maildir",
                "auth_mechanisms = xoauth2 oauthbearer",
                "# Stock Dovecot delays failures 2 s and penalises an IP up to 15 s after failed",
                "# logins (anvil); every test connects from 127.0.0.1, so both are off here.",
                "auth_failure_delay = 0",
                "passdb {",
                "  driver = oauth2",
                "  mechanisms = xoauth2 oauthbearer",
                "  args = " + oauthFile,
                "}",
                "userdb {",
                "  driver = static",
                "  args = " + mailUser + " home=" + path("mail") + "/%n allow_all_users=yes",
                "}",
                "service auth {",
                "  unix_listener auth-postfix {",
                "    mode = 0666",
                "  }",
                "}",
                "service anvil {",
                "  unix_listener anvil-auth-penalty {",
                "    mode = 0",
                "  }",
                "}",
                "service lmtp {",
                "  unix_listener lmtp-postfix {",
                "    mode = 0666",
                "  }",
                "}",
                "");
        Files.writeString(dir.resolve("dovecot/dovecot.conf"), conf);
    }

    private void writePostfix() throws IOException {
        // Queue and data outside config_directory, which Postfix wants wholly owned by root.
        Files.createDirectories(dir.resolve("postfix"));
        Files.createDirectories(dir.resolve("postfix-queue"));
        Path data = Files.createDirectories(dir.resolve("postfix-data"));
        if (ROOT) { // the master opens its lock file here as mail_owner
            Files.setOwner(data, data.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postfix"));
        }
        String main = String.join("\n",
                "# printmail test rig: submission only, delivering to Dovecot LMTP.",
                "compatibility_level = 3.6",
                "queue_directory = " + path("postfix-queue"),
                "data_directory = " + path("postfix-data"),
                "maillog_file = " + path("postfix.log"),
                "maillog_file_prefixes = " + dir,
                "mail_owner = postfix",
                "setgid_group = postdrop",
                "myhostname = localhost",
                "mydomain = localdomain",
                "mydestination =",
                "inet_interfaces = 127.0.0.1",
                "inet_protocols = ipv4",
                "mynetworks = 127.0.0.0/8",
                "alias_maps =",
                "alias_database =",
                "local_recipient_maps =",
                "local_transport = error:local delivery is off in the test rig",
                "default_transport = error:only contoso.example is delivered in the test rig",
                "relay_transport = error:only contoso.example is delivered in the test rig",
                "virtual_mailbox_domains = contoso.example",
                "virtual_transport = lmtp:unix:" + path("dovecot/run/lmtp-postfix"),
                "message_size_limit = 209715200",
                "mailbox_size_limit = 0",
                "virtual_mailbox_limit = 0",
                "smtputf8_enable = no",
                "biff = no",
                "append_dot_mydomain = no",
                "in_flow_delay = 0s",
                "smtpd_error_sleep_time = 0s",
                "smtpd_tls_cert_file = " + path("tls/localhost-chain.pem"),
                "smtpd_tls_key_file = " + path("tls/localhost-key.pem"),
                "smtpd_tls_security_level = encrypt",
                "smtpd_tls_auth_only = yes",
                "smtpd_sasl_auth_enable = yes",
                "smtpd_sasl_type = dovecot",
                "smtpd_sasl_path = " + path("dovecot/run/auth-postfix"),
                "smtpd_relay_restrictions = permit_sasl_authenticated, reject",
                "smtpd_recipient_restrictions = permit_sasl_authenticated, reject",
                "");
        Files.writeString(dir.resolve("postfix/main.cf"), main);
        List<String> master = new ArrayList<>(List.of(
                "# service type private unpriv chroot wakeup maxproc command",
                "127.0.0.1:" + port + " inet n - n - - smtpd",
                "pickup unix n - n 60 1 pickup",
                "cleanup unix n - n - 0 cleanup",
                "qmgr unix n - n 300 1 qmgr",
                "tlsmgr unix - - n 1000? 1 tlsmgr",
                "rewrite unix - - n - - trivial-rewrite",
                "bounce unix - - n - 0 bounce",
                "defer unix - - n - 0 bounce",
                "trace unix - - n - 0 bounce",
                "verify unix - - n - 1 verify",
                "flush unix n - n 1000? 0 flush",
                "proxymap unix - - n - - proxymap",
                "proxywrite unix - - n - 1 proxymap",
                "smtp unix - - n - - smtp",
                "relay unix - - n - - smtp",
                "showq unix n - n - - showq",
                "error unix - - n - - error",
                "retry unix - - n - - error",
                "discard unix - - n - - discard",
                "lmtp unix - - n - - lmtp",
                "anvil unix - - n - 1 anvil",
                "scache unix - - n - 1 scache",
                "postlog unix-dgram n - n - 1 postlogd",
                ""));
        Files.writeString(dir.resolve("postfix/master.cf"), String.join("\n", master));
    }

    // --- helpers ---------------------------------------------------------------------------

    private String path(String relative) { return dir.resolve(relative).toString(); }

    private void run(String... command) throws IOException {
        Path log = dir.resolve("postfix-command.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + START_LIMIT);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                    + Files.readString(log) + logTail());
        }
    }

    private void awaitFile(Path file, String what) throws IOException {
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.exists(file)) {
            if (!dovecot.isAlive()) {
                throw new IOException("Dovecot exited with " + dovecot.exitValue() + ": "
                        + Files.readString(dir.resolve("dovecot/stdout.log")) + logTail());
            }
            if (System.nanoTime() > end) {
                throw new IOException(what + " did not appear within " + START_LIMIT + "\n" + logTail());
            }
            pause();
        }
    }

    private void awaitPort() throws IOException {
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > end) {
                    throw new IOException("Postfix is not listening on " + port + "\n" + logTail());
                }
                pause();
            }
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting Postfix + Dovecot", e);
        }
    }

    /** A loopback port free now (for a lab identity platform started later). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String localPart(String address) {
        int at = address.indexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(java.util.Locale.ROOT);
    }

    /** For messages: where the rig keeps its files. */
    @Override
    public String toString() { return "PostfixDovecotRig[" + dir + ", port " + port + "]"; }
}
