package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.jobs.JobTypesEndToEndTest.PDF;
import static org.printmail.jobs.JobTypesEndToEndTest.logOf;
import static org.printmail.jobs.JobTypesEndToEndTest.sendDue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.printmail.auth.AccountState;
import org.printmail.lab.LabIdentityPlatform;
import org.printmail.lab.LabUsers;
import org.printmail.lab.RevocationReason;
import org.printmail.smtp.PostfixDovecotRig;
import org.printmail.store.AccountId;
import org.printmail.testing.DeviceRig;

/**
 * The whole device against a stock Postfix + Dovecot submission server (STARTTLS, AUTH XOAUTH2
 * checked by Dovecot through RFC 7662 introspection on the lab identity platform), not against
 * our own lab mail server: sign-in then send, expiry then refresh, revocation, and Dovecot's
 * error challenge for a token it no longer accepts.
 */
@Timeout(120)
class PostfixDovecotTest {
    private static final String TO = "bob@contoso.example";

    private DeviceRig rig;
    private PostfixDovecotRig server;

    @BeforeEach
    void start() {
        PostfixDovecotRig.assumeInstalled();
        rig = new DeviceRig();
        server = PostfixDovecotRig.start(rig.lab.identity());
        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail()
                .withMail(s.deviceMail().mail().withPort(server.port()))));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    private LabIdentityPlatform lab() { return rig.lab.identity(); }

    private JobTicket scan(List<Path> files) {
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of(TO), "Scan",
                "Your scan.", files));
        assertTrue(t.accepted(), t.toString());
        return t;
    }

    @Test
    void aDeviceSignedInOnTheLabSendsThroughPostfixAndDovecotChecksTheToken() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = scan(List.of(PDF));

        sendDue(rig);

        JobLogEntry e = logOf(rig, t.jobId());
        assertEquals(JobResult.SENT, e.result(), e + "\n" + server.logTail());
        List<Path> got = server.awaitDelivered(TO, 1, Duration.ofSeconds(20));
        MimeMessage m = read(got.get(0));
        assertEquals("Scan", m.getSubject());
        assertEquals(LabUsers.ADMIN, m.getFrom()[0].toString());
        assertTrue(lab().introspectionRequests() >= 1, "Dovecot asked the lab about the token");
    }

    private static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new java.util.Properties()), in);
        }
    }
}
