package org.printmail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.printmail.auth.AccountState;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.codes.JobCode;
import org.printmail.device.Device;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobResult;
import org.printmail.jobs.JobTicket;
import org.printmail.lab.DeviceLoginClient;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabUsers;
import org.printmail.panel.EmailServerStatus;
import org.printmail.panel.JobStatusScreen;
import org.printmail.auth.AccountId;
import org.printmail.trust.TlsTrust;

/**
 * The main job: the whole story on the embedded lab, as a person reads it on a terminal. Each
 * step checks what it claims; {@link #run} is true only if every step did.
 */
public final class Demo {
    static final String RECIPIENT = "reception@contoso.example";
    private final Path root;
    private final Path dataDir;
    private final PrintStream out;
    private int failures;

    public Demo(Path root, Path dataDir, PrintStream out) {
        this.root = root;
        this.dataDir = dataDir;
        this.out = out;
    }

    public boolean run() throws IOException, InterruptedException {
        Clock clock = Clock.systemUTC();
        LabIdentityOptions idp = LabIdentityOptions.defaults(root, clock).withPort(0)
                .withPollInterval(Duration.ofSeconds(1));
        try (LabServices lab = LabServices.start(root, idp, 0, clock);
             Device device = Device.start(Device.Options.defaults(dataDir, clock), name -> lab.profile(),
                     lab.profile())) {
            out.println("printmail demo: lab identity platform at " + lab.identity().authorityBase()
                    + ", lab mail server at " + lab.profile().mail().host() + ":" + lab.profile().mail().port()
                    + " (STARTTLS, TEST-ONLY CA)");
            Path scan = root.resolve("test-fixtures/scans/sample-scan.pdf");
            notSignedIn(device, scan);
            DeviceCodePrompt prompt = signInPrompt(device);
            adminCompletesDeviceLogin(lab, prompt);
            sendScan(device, lab, scan);
            new GraphDemoStep(out, this::check, this::heading).run(device, lab, scan);
            heading("9. Job Status > Job Log");
            out.print(JobStatusScreen.render(device.jobs().outbox(), device.jobs().jobLog()));
        }
        out.println();
        out.println(failures == 0 ? "DEMO PASSED: every step did what it says."
                : "DEMO FAILED: " + failures + " step(s) did not do what they say.");
        return failures == 0;
    }

    private void notSignedIn(Device device, Path scan) {
        heading("1. Settings > General Settings > Network Settings > Network Status > Email Server Status");
        out.print(EmailServerStatus.render(device.settings().current(), device.accounts().statuses(),
                Clock.systemUTC()));
        check("status is Not signed in",
                device.accounts().status(AccountId.deviceMail()).state() == AccountState.NOT_SIGNED_IN);
        out.println("Scan to Email to " + RECIPIENT + " with " + scan.getFileName() + " ...");
        JobTicket t = device.jobs().submit(new JobRequest.ScanToEmail(List.of(RECIPIENT), "Scanned invoice",
                "Scanned on the lab printer.", List.of(scan)));
        out.println("  refused: code " + t.preflight().code().number() + " - " + t.preflight().message());
        JobLogEntry e = device.jobs().jobLog().get(0);
        check("job log shows the scan REFUSED with code 360",
                !t.accepted() && e.jobId().equals(t.jobId()) && e.result() == JobResult.REFUSED && e.code() == 360);
    }

    private DeviceCodePrompt signInPrompt(Device device) {
        heading("2. Web Config > Network > Email Server > Basic > Sign In > Sign in with Microsoft");
        DeviceCodePrompt p = device.accounts().startSignIn(AccountId.deviceMail(),
                device.accountProfiles().apply(AccountId.deviceMail()));
        out.println("  Code:    " + p.userCode());
        out.println("  Link:    " + p.verificationUri());
        out.println("  Expires: " + p.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (in "
                + Duration.between(Clock.systemUTC().instant(), p.expiresAt()).toMinutes() + " minutes)");
        out.println("  Message: " + p.message());
        check("a user code and link are shown",
                !p.userCode().isBlank() && p.verificationUri().getPath().endsWith("/devicelogin"));
        return p;
    }

    private void adminCompletesDeviceLogin(LabServices lab, DeviceCodePrompt p)
            throws IOException, InterruptedException {
        heading("3. The administrator opens the link in a browser (lab /devicelogin over HTTPS)");
        DeviceLoginClient browser = new DeviceLoginClient(
                TlsTrust.withCaFiles(List.of(lab.profile().trustedCa().orElseThrow())).sslContext());
        boolean done = browser.signIn(p.verificationUri(), p.userCode(), LabUsers.ADMIN, LabUsers.ADMIN_PASSWORD,
                true, line -> out.println("  " + line));
        check("the lab says the device is signed in", done);
    }

    private void sendScan(Device device, LabServices lab, Path scan) throws InterruptedException, IOException {
        heading("4. Email Server Status after sign-in, then Scan to Email");
        CountDownLatch signedIn = new CountDownLatch(1);
        device.accounts().addListener(s -> {
            if (s.id().equals(AccountId.deviceMail()) && s.state() == AccountState.SIGNED_IN) {
                signedIn.countDown();
            }
        });
        boolean ok = device.accounts().status(AccountId.deviceMail()).state() == AccountState.SIGNED_IN
                || signedIn.await(30, TimeUnit.SECONDS);
        out.print(EmailServerStatus.render(device.settings().current(), device.accounts().statuses(),
                Clock.systemUTC()));
        check("status is Signed in", ok);
        CountDownLatch logged = new CountDownLatch(1);
        device.jobs().addListener(new org.printmail.jobs.JobListener() {
            @Override
            public void jobLogged(JobLogEntry entry) { logged.countDown(); }
        });
        JobTicket t = device.jobs().submit(new JobRequest.ScanToEmail(List.of(RECIPIENT), "Scanned invoice",
                "Scanned on the lab printer.", List.of(scan)));
        out.println("Scan to Email job " + t.jobId() + (t.accepted() ? " accepted" : " REFUSED"));
        boolean sent = t.accepted() && logged.await(60, TimeUnit.SECONDS);
        Optional<JobLogEntry> e = device.jobs().jobLog().stream().filter(x -> x.jobId().equals(t.jobId())).findFirst();
        check("job log shows the scan SENT", sent && e.isPresent() && e.get().result() == JobResult.SENT
                && e.get().code() == JobCode.OK.number());
        check("the lab mail server received it", lab.mail().waitForIncoming(1, Duration.ofSeconds(10)));
        MimeMessage[] got = lab.mail().receivedMessages();
        if (got.length > 0) {
            describe(got[got.length - 1], Files.readAllBytes(scan));
        }
    }

    private void describe(MimeMessage m, byte[] expected) {
        try {
            out.println("Received by the lab mail server:");
            out.println("  To:      " + String.join(", ", List.of(m.getRecipients(Message.RecipientType.TO)).stream()
                    .map(Object::toString).toList()));
            out.println("  From:    " + m.getFrom()[0]);
            out.println("  Subject: " + m.getSubject());
            Multipart mp = (Multipart) m.getContent();
            boolean matched = false;
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                if (part.getFileName() != null) {
                    byte[] bytes;
                    try (InputStream in = part.getInputStream()) {
                        bytes = in.readAllBytes();
                    }
                    out.println("  Attachment: " + part.getFileName() + ", " + bytes.length + " bytes");
                    matched |= java.util.Arrays.equals(bytes, expected);
                }
            }
            check("recipient, subject and attachment bytes are as sent",
                    RECIPIENT.equals(m.getRecipients(Message.RecipientType.TO)[0].toString())
                            && "Scanned invoice".equals(m.getSubject()) && matched);
        } catch (MessagingException | IOException e) {
            check("the received message can be read (" + e.getClass().getSimpleName() + ")", false);
        }
    }

    private void heading(String text) {
        out.println();
        out.println("== " + text + " ==");
    }

    private void check(String what, boolean ok) {
        out.println((ok ? "  [ok]   " : "  [FAIL] ") + what);
        if (!ok) {
            failures++;
        }
    }
}
