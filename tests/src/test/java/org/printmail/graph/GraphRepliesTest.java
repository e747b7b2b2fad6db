package org.printmail.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.printmail.codes.JobCode;
import org.printmail.config.GraphSettings;
import org.printmail.config.MailTransport;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobResult;
import org.printmail.jobs.JobState;
import org.printmail.jobs.JobView;
import org.printmail.lab.LabGraphFault;
import org.printmail.lab.LabGraphFault.Kind;
import org.printmail.lab.LabGraphFault.Target;
import org.printmail.lab.LabIdentityPlatform;
import org.printmail.lab.LabUsers;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SenderOptions;
import org.printmail.smtp.SmtpAccount;
import org.printmail.smtp.TokenSource;
import org.printmail.auth.AccountId;
import org.printmail.trust.TlsTrust;
import org.printmail.testing.DeviceRig;

/**
 * Every class of Graph reply gives its job-log code, and the outbox does what the code says
 * (fail, retry after the backoff or the server's Retry-After, or send after one refresh).
 */
@Timeout(60)
class GraphRepliesTest {
    static final Path PDF = DeviceRig.ROOT.resolve("test-fixtures/scans/sample-scan.pdf");
    private DeviceRig rig;

    @BeforeEach
    void start() throws Exception { rig = GraphRig.signedInOnGraph(); }

    @AfterEach
    void stop() { rig.close(); }

    private String sendOnce() {
        String job = GraphRig.submitScan(rig, "Scan", List.of(PDF));
        GraphRig.sendDue(rig);
        return job;
    }

    static Stream<Arguments> permanentRefusals() {
        return Stream.of(
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 1, 403, "ErrorAccessDenied"), 398),
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 1, 403, "ErrorSendAsDenied"), 382),
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 1, 404, "MailboxNotEnabledForRESTAPI"), 399),
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 1, 413, "RequestEntityTooLarge"), 386),
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 1, 400, "ErrorMessageSizeExceeded"), 386),
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 1, 400, "ErrorQuotaExceeded"), 395),
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 1, 400, "ErrorInvalidRecipients"), 387),
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 2, 401, "InvalidAuthenticationToken"), 381));
    }

    @ParameterizedTest
    @MethodSource("permanentRefusals")
    void permanentRefusalFailsTheJobAtOnceWithItsCode(LabGraphFault fault, int code) {
        rig.lab.graph().injectFault(fault);
        String job = sendOnce();
        JobLogEntry e = GraphRig.logOf(rig, job);
        assertEquals(JobResult.FAILED, e.result());
        assertEquals(code, e.code(), e.message());
        assertTrue(e.message().contains("HTTP " + fault.status()), e.message());
        assertFalse(e.remedy().isBlank());
        assertEquals(0, rig.lab.mail().receivedMessages().length);
    }

    static Stream<Arguments> transientFailures() {
        return Stream.of(
                Arguments.of(LabGraphFault.throttled(Target.SEND_MAIL, 1, 429, Duration.ofSeconds(120)), 384, 120),
                Arguments.of(LabGraphFault.throttled(Target.SEND_MAIL, 1, 503, Duration.ofSeconds(900)), 384, 900),
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 1, 504, "GatewayTimeout"), 384, 0),
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 1, 500, "InternalServerError"), 384, 0),
                Arguments.of(LabGraphFault.error(Target.SEND_MAIL, 1, 400, "ErrorSubmissionQuotaExceeded"), 385, 3600),
                Arguments.of(LabGraphFault.of(Target.SEND_MAIL, Kind.MALFORMED_JSON, 1), 391, 0),
                Arguments.of(LabGraphFault.of(Target.SEND_MAIL, Kind.TRUNCATED_JSON, 1), 391, 0),
                Arguments.of(LabGraphFault.of(Target.SEND_MAIL, Kind.CUT, 1), 391, 0));
    }

    @ParameterizedTest
    @MethodSource("transientFailures")
    void transientFailureIsRetriedNoSoonerThanTheServerAskedAndThenSent(LabGraphFault fault, int code,
                                                                         int minWaitSeconds) {
        rig.lab.graph().injectFault(fault);
        Instant before = rig.clock.instant();
        String job = sendOnce();
        JobView v = GraphRig.queued(rig, job);
        assertEquals(JobState.RETRY_WAIT, v.state());
        assertEquals(code, v.lastCode(), v.lastMessage());
        assertFalse(v.nextAttempt().isBefore(before.plusSeconds(minWaitSeconds)),
                "next attempt " + v.nextAttempt() + " honours Retry-After " + minWaitSeconds + " s");

        rig.clock.advance(Duration.between(rig.clock.instant(), v.nextAttempt()).plusSeconds(1));
        GraphRig.sendDue(rig);
        assertEquals(JobResult.SENT, GraphRig.logOf(rig, job).result());
    }

    @Test
    void shortRetryAfterIsWaitedOutInPlaceAndTheScanIsSentInTheSameAttempt() {
        rig.lab.graph().injectFault(LabGraphFault.throttled(Target.SEND_MAIL, 1, 429, Duration.ofSeconds(7)));
        Instant before = rig.clock.instant();
        String job = sendOnce();
        assertEquals(JobResult.SENT, GraphRig.logOf(rig, job).result());
        assertFalse(rig.clock.instant().isBefore(before.plusSeconds(7)), "waited the 7 s it was asked to");
        assertEquals(2, rig.lab.graph().requests(Target.SEND_MAIL));
    }

    @Test
    void rejectedTokenIsRefreshedOnceAndTheSendRetriedOnce() {
        int refreshes = rig.lab.identity().tokenRequests(LabIdentityPlatform.REFRESH_GRANT);
        rig.lab.graph().injectFault(LabGraphFault.error(Target.SEND_MAIL, 1, 401, "InvalidAuthenticationToken"));
        String job = sendOnce();
        assertEquals(JobResult.SENT, GraphRig.logOf(rig, job).result());
        assertEquals(refreshes + 1, rig.lab.identity().tokenRequests(LabIdentityPlatform.REFRESH_GRANT));
        assertEquals(2, rig.lab.graph().requests(Target.SEND_MAIL));
    }

    @Test
    void senderAddressTheAccountMayNotSendAsFailsWithSendAsDenied() {
        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withSenderAddress("ceo@contoso.example")));
        String job = sendOnce();
        JobLogEntry e = GraphRig.logOf(rig, job);
        assertEquals(382, e.code(), e.message());
        assertTrue(e.message().contains("ErrorSendAsDenied"), e.message());
    }

    @Test
    void senderAddressWithSendAsRightsIsTheFromOfTheDeliveredMessage() throws Exception {
        rig.lab.graph().allowSendAs(LabUsers.ADMIN, "scans@contoso.example");
        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withSenderAddress("scans@contoso.example")));
        String job = sendOnce();
        assertEquals(JobResult.SENT, GraphRig.logOf(rig, job).result());
        assertTrue(rig.lab.mail().waitForIncoming(1, Duration.ofSeconds(5)));
        assertEquals("scans@contoso.example", rig.lab.mail().receivedMessages()[0].getFrom()[0].toString());
    }

    @Test
    void silentServerTimesOutWith388WithinTheGraphTimeout() {
        GraphSettings oneSecond = new GraphSettings(rig.lab.graph().endpoint(),
                rig.lab.profile().graph().scopes(), Duration.ofSeconds(1));
        TokenSource tokens = new TokenSource() {
            @Override
            public String accessToken() { return rig.device().accounts().accessToken(AccountId.deviceMail()); }

            @Override
            public String refreshedAccessToken() { return rig.device().accounts().forceRefresh(AccountId.deviceMail()); }
        };
        SmtpAccount account = new SmtpAccount("DEVICE_MAIL", LabUsers.ADMIN, LabUsers.ADMIN,
                rig.lab.profile().mail(), tokens, MailTransport.MICROSOFT_GRAPH, oneSecond);
        GraphMailSender sender = GraphMailSender.create(
                () -> TlsTrust.withCaFiles(List.of(rig.lab.profile().trustedCa().orElseThrow())),
                SenderOptions.defaults().withTime(rig.clock, d -> rig.clock.advance(d)));
        rig.lab.graph().injectFault(LabGraphFault.slow(Target.SEND_MAIL, 1, Duration.ofSeconds(4)));
        long start = System.nanoTime();
        GraphFailure f = assertThrows(GraphFailure.class, () -> sender.send(account, new OutgoingMessage(
                "<t-1@printmail.device>", List.of("bob@contoso.example"), "s", "b", List.of())));
        assertEquals(JobCode.SERVER_UNREACHABLE, f.code(), f.detail());
        assertTrue(f.detail().contains("timeout"), f.detail());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
    }

    @Test
    void mailboxNotEnabledForRestFailsWith399AndItsRemedy() {
        rig.lab.graph().disableRest(LabUsers.ADMIN);
        String job = sendOnce();
        JobLogEntry e = GraphRig.logOf(rig, job);
        assertEquals(399, e.code(), e.message());
        assertTrue(e.remedy().contains("on-premises"));
    }
}
