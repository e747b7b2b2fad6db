package org.printmail.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The files of one {@link PostfixDovecotRig} run: the TEST-ONLY key and chain as PEM, Dovecot's
 * configuration (SASL by introspection, LMTP), Postfix's main.cf and master.cf. Everything under
 * the run folder; nothing outside it is written.
 */
final class PostfixDovecotFiles {
    private final Path dir;
    private final int port;
    private final boolean root;
    private final Path tls;

    PostfixDovecotFiles(Path dir, int port, boolean root, Path tls) {
        this.dir = dir;
        this.port = port;
        this.root = root;
        this.tls = tls;
    }

    void writeTls() throws IOException {
        Files.createDirectories(dir.resolve("tls"));
        try (InputStream in = Files.newInputStream(tls.resolve("localhost.p12"))) {
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

    void writeDovecot(URI introspection) throws IOException {
        Files.createDirectories(dir.resolve("dovecot"));
        Path mail = Files.createDirectories(dir.resolve("mail"));
        // The LMTP process writes as the mail user; the test (root or not) reads it back.
        Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rwxrwxrwx"));
        String internal = root ? "dovecot" : System.getProperty("user.name");
        String login = root ? "dovenull" : internal;
        String mailUser = root ? "uid=nobody gid=nogroup" : "uid=" + internal + " gid=" + internal;
        String oauth2 = String.join("\n",
                "introspection_mode = post",
                "introspection_url = " + introspection,
                "username_attribute = email",
                "active_attribute = active",
                "active_value = true",
                "tls_ca_cert_file = " + tls.resolve("test-ca.pem"),
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

    void writePostfix() throws IOException {
        // Queue and data outside config_directory, which Postfix wants wholly owned by root.
        Files.createDirectories(dir.resolve("postfix"));
        Files.createDirectories(dir.resolve("postfix-queue"));
        Path data = Files.createDirectories(dir.resolve("postfix-data"));
        if (root) { // the master opens its lock file here as mail_owner
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


    private String path(String relative) { return dir.resolve(relative).toString(); }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
