package org.printmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.printmail.auth.AccountId;
import org.printmail.auth.AccountState;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.MailTransport;
import org.printmail.device.Device;
import org.printmail.jobs.JobListener;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobResult;
import org.printmail.jobs.JobTicket;
import org.printmail.lab.DeviceLoginClient;
import org.printmail.lab.LabGraphFault;
import org.printmail.lab.LabUsers;
import org.printmail.smtp.ConnectionTestStep;
import org.printmail.smtp.SmtpAccount;
import org.printmail.smtp.TokenSource;
import org.printmail.trust.TlsTrust;

/**
 * The demo's Graph part: the tenant switches SMTP AUTH off (5.7.139), the connection test says
 * so, the administrator switches the device to Microsoft Graph, signs in again for the Graph
 * permissions, and the next scan arrives through Graph.
 */
final class GraphDemoStep {
    private final PrintStream out;
    private final BiConsumer<String, Boolean> check;
    private final Consumer<String> heading;

    GraphDemoStep(PrintStream out, BiConsumer<String, Boolean> check, Consumer<String> heading) {
        this.out = out;
        this.check = check;
        this.heading = heading;
    }

    void run(Device device, LabServices lab, Path scan) throws IOException, InterruptedException {
        heading.accept("6. The tenant switches SMTP AUTH off: Connection Test over SMTP");
        lab.mail().setSmtpAuthDisabled(true);
        List<ConnectionTestStep> smtp = device.sender().connectionTest(account(device, MailTransport.SMTP_XOAUTH2));
        print(smtp);
        check.accept("the SMTP test stops at AUTH with 380 (5.7.139)",
                smtp.stream().anyMatch(s -> !s.passed() && s.code() == JobCode.SMTP_AUTH_DISABLED));

        heading.accept("7. Web Config offers the remedy: Send Through > Microsoft Graph");
        device.settings().update(s -> s.withDeviceMail(s.deviceMail().withTransport(MailTransport.MICROSOFT_GRAPH)));
        try {
            device.accounts().forceRefresh(AccountId.deviceMail());
            out.println("  the existing sign-in covers Microsoft Graph");
        } catch (PrintmailException e) {
            out.println("  a new sign-in is needed: " + e.code().number() + " " + e.code().title());
        }
        DeviceCodePrompt p = device.accounts().startSignIn(AccountId.deviceMail(),
                device.accountProfiles().apply(AccountId.deviceMail()));
        out.println("  Sign in again for Mail.Send and Mail.ReadWrite: code " + p.userCode() + " at "
                + p.verificationUri());
        DeviceLoginClient browser = new DeviceLoginClient(
                TlsTrust.withCaFiles(List.of(lab.profile().trustedCa().orElseThrow())).sslContext());
        boolean done = browser.signIn(p.verificationUri(), p.userCode(), LabUsers.ADMIN, LabUsers.ADMIN_PASSWORD,
                true, line -> { });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (device.accounts().status(AccountId.deviceMail()).state() != AccountState.SIGNED_IN
                && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        List<ConnectionTestStep> graph = device.sender().connectionTest(account(device, MailTransport.MICROSOFT_GRAPH));
        print(graph);
        check.accept("signed in again and the Graph connection test passes (nothing sent)",
                done && graph.stream().allMatch(ConnectionTestStep::passed));

        heading.accept("8. Scan to Email through Microsoft Graph");
        CountDownLatch logged = new CountDownLatch(1);
        device.jobs().addListener(new JobListener() {
            @Override
            public void jobLogged(JobLogEntry entry) { logged.countDown(); }
        });
        int before = lab.mail().receivedMessages().length;
        JobTicket t = device.jobs().submit(new JobRequest.ScanToEmail(List.of(Demo.RECIPIENT), "Scanned invoice (Graph)",
                "Scanned on the lab printer, sent through Microsoft Graph.", List.of(scan)));
        boolean sent = t.accepted() && logged.await(60, TimeUnit.SECONDS);
        JobLogEntry e = device.jobs().jobLog().stream().filter(x -> x.jobId().equals(t.jobId())).findFirst()
                .orElse(null);
        out.println("  job " + t.jobId() + ": " + (e == null ? "not logged" : e.result() + " " + e.message()));
        check.accept("job log shows the scan SENT", sent && e != null && e.result() == JobResult.SENT);
        check.accept("it went through Graph's sendMail and reached the lab mail store",
                lab.graph().requests(LabGraphFault.Target.SEND_MAIL) == 1
                        && lab.mail().waitForIncoming(before + 1, Duration.ofSeconds(10)));
    }

    private void print(List<ConnectionTestStep> steps) {
        for (ConnectionTestStep s : steps) {
            out.println("  " + (s.passed() ? "passed " : "FAILED (" + s.code().number() + ") ") + s.name()
                    + ": " + s.detail());
        }
    }

    private static SmtpAccount account(Device device, MailTransport transport) {
        String name = device.accounts().status(AccountId.deviceMail()).accountName();
        TokenSource tokens = new TokenSource() {
            @Override
            public String accessToken() { return device.accounts().accessToken(AccountId.deviceMail()); }

            @Override
            public String refreshedAccessToken() { return device.accounts().forceRefresh(AccountId.deviceMail()); }
        };
        return new SmtpAccount(AccountId.deviceMail().key(), name, name,
                device.settings().current().deviceMail().mail(), tokens, transport, null);
    }
}
