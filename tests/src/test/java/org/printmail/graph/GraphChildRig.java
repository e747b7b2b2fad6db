package org.printmail.graph;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.printmail.auth.AccountState;
import org.printmail.auth.AuthOptions;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.device.Device;
import org.printmail.cli.LabServices;
import org.printmail.config.MailServerSettings;
import org.printmail.config.MailTransport;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobTicket;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabUsers;
import org.printmail.smtp.SenderOptions;
import org.printmail.auth.AccountId;

/**
 * The lab in this JVM and a device data folder a {@link GraphDeviceChild} process sends from:
 * jobs are queued here (signed in, encrypted into the spool), sent there.
 */
public final class GraphChildRig implements AutoCloseable {
    static final Path ROOT = Path.of("").toAbsolutePath();
    public final LabServices lab;
    private final Path dir;
    private final Path data;
    private final Device.Options options;

    public GraphChildRig(Path dir) {
        this.dir = dir;
        lab = LabServices.start(ROOT, LabIdentityOptions.defaults(ROOT, Clock.systemUTC()).withPort(0)
                .withPollInterval(Duration.ofSeconds(1)), 0, Clock.systemUTC());
        data = dir.resolve("device");
        Device.Options o = Device.Options.defaults(data, Clock.systemUTC());
        options = new Device.Options(data, o.clock(), AuthOptions.defaults(), SenderOptions.defaults(),
                o.jobs().withWorker(false));
    }

    /** Signs the device in for the transport and queues one scan per file (subject: file name). */
    public List<String> queue(MailTransport transport, List<Path> files) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Device device = Device.start(options, n -> lab.profile(), lab.profile())) {
            // A 100 MB message keeps the lab's GreenMail busy after DATA for longer than the lab
            // profile's 10 s read timeout; give both transports the same generous one.
            device.settings().update(s -> {
                MailServerSettings m = s.deviceMail().mail();
                return s.withDeviceMail(s.deviceMail().withTransport(transport).withMail(new MailServerSettings(
                        m.host(), m.port(), m.security(), m.certificateValidation(), m.connectTimeout(),
                        Duration.ofSeconds(180)))).withAttachmentLimit(0, true);
            });
            DeviceCodePrompt p = device.accounts().startSignIn(AccountId.deviceMail(),
                    device.accountProfiles().apply(AccountId.deviceMail()));
            lab.identity().approve(p.userCode(), LabUsers.ADMIN);
            long end = System.currentTimeMillis() + 15_000;
            while (device.accounts().status(AccountId.deviceMail()).state() != AccountState.SIGNED_IN
                    && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
            for (Path f : files) {
                JobTicket t = device.jobs().submit(new JobRequest.ScanToEmail(List.of("bob@contoso.example"),
                        f.getFileName().toString(), "", List.of(f)));
                if (!t.accepted()) {
                    throw new IllegalStateException("refused: " + t.preflight());
                }
                ids.add(t.jobId());
            }
        }
        return ids;
    }

    /** Starts the device process with this heap option; its output goes to {@code dir/log}. */
    public Process child(String heap, String log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, heap, "-cp", System.getProperty("java.class.path"),
                GraphDeviceChild.class.getName(), data.toString(), lab.identity().authorityBase().toString(),
                String.valueOf(lab.mail().port()), lab.graph().endpoint().toString());
        pb.directory(ROOT.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir.toFile(), log));
        return pb.start();
    }

    public String log(String log) throws Exception { return Files.readString(dir.resolve(log)); }

    public List<JobLogEntry> jobLog() throws Exception {
        try (Device device = Device.start(options, n -> lab.profile(), lab.profile())) {
            return device.jobs().jobLog();
        }
    }

    public MimeMessage received(String subject) throws Exception {
        for (MimeMessage m : lab.mail().receivedMessages()) {
            if (subject.equals(m.getSubject())) {
                return m;
            }
        }
        throw new AssertionError("no message " + subject);
    }

    @Override
    public void close() { lab.close(); }
}
