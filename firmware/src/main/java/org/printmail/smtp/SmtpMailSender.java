package org.printmail.smtp;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.printmail.codes.JobCode;
import org.printmail.config.MailServerSettings;
import org.printmail.smtp.MessageComposer.Part;
import org.printmail.threads.DaemonThreads;
import org.printmail.trust.TlsTrust;
import org.printmail.i18n.Text;

/**
 * The {@link MailSender} on Angus Mail: token, connect, STARTTLS or implicit TLS (TLS 1.2+,
 * certificate and host-name checks), AUTH XOAUTH2, send, classify. One {@link MailboxLane} per
 * mailbox holds its pooled connections, its limit and its rate governor.
 */
public final class SmtpMailSender implements MailSender {
    private final SenderOptions options;
    private final Supplier<TlsTrust> trust;
    private final TransportFactory factory;
    private final ScheduledExecutorService writeTimeouts;
    private final Map<String, MailboxLane> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private volatile Supplier<SenderOptions> attachmentPolicy;

    private SmtpMailSender(Supplier<TlsTrust> trust, SenderOptions options) {
        this.options = options;
        this.attachmentPolicy = () -> options;
        this.trust = trust;
        this.writeTimeouts = writeTimeoutExecutor();
        this.factory = new TransportFactory(options.ehloName(), options.clock(), writeTimeouts,
                options.proxy());
    }

    /**
     * The executor Angus schedules a timeout task on for every socket write. A no-op heartbeat
     * stays at the head of its queue, so a newly scheduled write timeout (always later) never
     * becomes the head and wakes no thread; without it every write cost a thread wake-up, about
     * 0.5 ms per message on a busy 2-core machine. Cancelled tasks leave the queue at once.
     */
    private static ScheduledExecutorService writeTimeoutExecutor() {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1,
                DaemonThreads.factory("smtp-write-timeout"));
        ex.setRemoveOnCancelPolicy(true);
        ex.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
        return ex;
    }

    /** A sender trusting the given CAs (JDK + imported + profile). */
    public static SmtpMailSender create(TlsTrust trust, SenderOptions options) {
        return create(() -> trust, options);
    }

    /**
     * A sender that asks for the current trust on every new connection, so a CA imported in Web
     * Config applies to the next send without a restart.
     */
    public static SmtpMailSender create(Supplier<TlsTrust> trust, SenderOptions options) {
        return new SmtpMailSender(trust, options);
    }

    /**
     * Takes Attached File Maximum Size and splitting from the device's current settings on every
     * send, so a change in Web Config applies to the next job.
     */
    public SmtpMailSender withAttachmentLimits(java.util.function.LongSupplier maxBytes,
                                               java.util.function.BooleanSupplier split) {
        attachmentPolicy = () -> options.withAttachMaxBytes(maxBytes.getAsLong(), split.getAsBoolean());
        return this;
    }

    /**
     * The warning every status view shows while Certificate Validation is off; empty when on.
     */
    public static Optional<String> securityWarning(MailServerSettings settings) {
        return settings.certificateWarning();
    }

    @Override
    public SendReport send(SmtpAccount account, OutgoingMessage message) {
        checkOpen();
        checkInput(account, message);
        SenderOptions limits = attachmentPolicy.get();
        List<Part> parts = MessageComposer.plan(message.attachments(), limits.attachMaxBytes(),
                limits.splitLargeAttachments());
        MailboxLane lane = lane(account);
        Map<String, RecipientFailure> rejected = new LinkedHashMap<>();
        List<String> accepted = null;
        for (Part part : parts) {
            SendReport r = sendPart(lane, account, message, part);
            accepted = accepted == null ? new ArrayList<>(r.accepted()) : accepted;
            accepted.retainAll(r.accepted());
            r.rejected().forEach(f -> rejected.putIfAbsent(f.address(), f));
        }
        return new SendReport(accepted, new ArrayList<>(rejected.values()), parts.size());
    }

    /** One part; a later part's failure says which parts already went out. */
    private SendReport sendPart(MailboxLane lane, SmtpAccount account, OutgoingMessage message, Part part) {
        try {
            return lane.send(account, session -> MessageComposer.compose(session, account, message,
                    part, options.clock().instant()));
        } catch (SmtpFailure f) {
            if (part.index() == 1) {
                throw f;
            }
            throw new SmtpFailure(f.code(), Text.of("smtp.partFailed", part.index(), part.total(),
                    f.detailText(), part.index() - 1),
                    f.serverReply(), f.getCause());
        }
    }

    @Override
    public List<ConnectionTestStep> connectionTest(SmtpAccount account) {
        checkOpen();
        return new ConnectionTester(account, lane(account), factory.proxyRoute().settings()).run();
    }

    /** Idle pooled connections of one mailbox (status pages and tests). */
    public int idleConnections(String mailboxKey) {
        MailboxLane lane = lanes.get(mailboxKey);
        return lane == null ? 0 : lane.idleConnections();
    }

    @Override
    public void close() {
        closed = true;
        lanes.values().forEach(MailboxLane::close);
        lanes.clear();
        writeTimeouts.shutdownNow();
    }

    private MailboxLane lane(SmtpAccount account) {
        return lanes.computeIfAbsent(account.mailboxKey(), k -> new MailboxLane(options, factory, trust));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the mail sender is closed");
        }
    }

    /** Bad input fails here, before any connection, with the field it is about. */
    private static void checkInput(SmtpAccount account, OutgoingMessage m) {
        try {
            new InternetAddress(MessageComposer.fromAddress(account), true).validate();
        } catch (AddressException e) {
            // A settings problem, not a network one: retrying cannot fix it.
            throw new SmtpFailure(JobCode.SETTINGS_INVALID, Text.of("smtp.badSender",
                    MessageComposer.fromAddress(account)), "", null);
        }
        if (m.to().isEmpty()) {
            throw new SmtpFailure(JobCode.RECIPIENT_REJECTED, Text.of("smtp.noRecipient"), "", null);
        }
        for (String to : m.to()) {
            try {
                new InternetAddress(to, true).validate();
            } catch (AddressException e) {
                throw new SmtpFailure(JobCode.RECIPIENT_REJECTED, Text.of("smtp.notAnAddress", to), "", null);
            }
        }
    }
}
