package org.printmail.panel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceProfile;
import org.printmail.config.SettingsStore;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobService;
import org.printmail.jobs.JobTicket;
import org.printmail.jobs.JobType;
import org.printmail.jobs.Preflight;
import org.printmail.auth.AccountId;

/**
 * The control panel as a keyboard-driven text UI. Every screen prints its menu path and numbered
 * choices and reads one line, so a person or a test script can drive it. "Scanning" takes the
 * document from a file (the scanner hands the panel a file on a real device too).
 */
public final class ControlPanel {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final JobService jobs;
    private final AccountManager accounts;
    private final SettingsStore settings;
    private final Function<AccountId, DeviceProfile> profiles;
    private final Path scannedDocument;
    private final Path statusSheetDir;
    private final Clock clock;
    private WebConfigPasswordReset webConfigReset;
    private BufferedReader in;
    private PrintStream out;

    public ControlPanel(JobService jobs, AccountManager accounts, SettingsStore settings,
                        Function<AccountId, DeviceProfile> profiles, Path scannedDocument, Path statusSheetDir,
                        Clock clock) {
        this.jobs = jobs;
        this.accounts = accounts;
        this.settings = settings;
        this.profiles = profiles;
        this.scannedDocument = scannedDocument;
        this.statusSheetDir = statusSheetDir;
        this.clock = clock;
    }

    /** Offers Web Config's administrator password reset in the Settings menu. */
    public ControlPanel withWebConfigPasswordReset(WebConfigPasswordReset reset) {
        this.webConfigReset = reset;
        return this;
    }

    /** Runs until the user chooses Quit or the input ends. */
    public void run(BufferedReader input, PrintStream output) throws IOException {
        this.in = input;
        this.out = output;
        while (true) {
            String c = menu("Home", "Scan to Email", "Scan to My Email", "Fax", "Job Status", "Settings");
            switch (c) {
                case "1" -> scanToEmail();
                case "2" -> scanToMyEmail();
                case "3" -> fax();
                case "4" -> jobStatus();
                case "5" -> settingsMenu();
                case "q", "" -> {
                    return;
                }
                default -> out.println("Unknown choice: " + c);
            }
        }
    }

    private String menu(String path, String... items) throws IOException {
        out.println();
        out.println("== " + path + " ==");
        for (int i = 0; i < items.length; i++) {
            out.println("  " + (i + 1) + ". " + items[i]);
        }
        out.println("  q. Back");
        out.print("> ");
        out.flush();
        String line = in.readLine();
        return line == null ? "q" : line.trim();
    }

    private String ask(String prompt) throws IOException {
        out.print(prompt + ": ");
        out.flush();
        String line = in.readLine();
        return line == null ? "" : line.trim();
    }

    private void settingsMenu() throws IOException {
        while (true) {
            String c = webConfigReset == null
                    ? menu("Settings > General Settings > Network Settings > Network Status",
                    "Email Server Status", "Print Status Sheet")
                    : menu("Settings > General Settings > Network Settings > Network Status",
                    "Email Server Status", "Print Status Sheet",
                    "Web Config Administrator Password Reset");
            if ("1".equals(c)) {
                out.print(EmailServerStatus.render(settings.current(), accounts.statuses(), clock));
            } else if ("2".equals(c)) {
                printStatusSheet();
            } else if ("3".equals(c) && webConfigReset != null) {
                resetWebConfigPassword();
            } else {
                return;
            }
        }
    }

    /** The administrator's way back into Web Config; logs every Web Config session out. */
    private void resetWebConfigPassword() throws IOException {
        out.println("== Settings > Web Config Administrator Password Reset ==");
        out.println("Sets a new Web Config administrator password. Every Web Config session is"
                + " logged out and every log-in lock ends.");
        String next = ask("New password (8-256 characters)");
        String confirm = ask("Confirm new password");
        if (!"y".equalsIgnoreCase(ask("Reset the Web Config administrator password? (y/N)"))) {
            out.println("Not changed.");
            return;
        }
        webConfigReset.reset(next, confirm).ifPresentOrElse(
                problem -> out.println("Not changed. " + problem),
                () -> out.println("Web Config administrator password reset. Log in with the new"
                        + " password."));
    }

    private void printStatusSheet() throws IOException {
        Files.createDirectories(statusSheetDir);
        Path file = statusSheetDir.resolve("status-sheet-" + clock.instant().getEpochSecond() + ".pdf");
        List<String> lines = Arrays.asList(
                EmailServerStatus.render(settings.current(), accounts.statuses(), clock).split("\n"));
        StatusSheetPdf.write(file, "Network Status Sheet - " + TIME.format(clock.instant()), lines);
        out.println("Status Sheet printed: " + file.toAbsolutePath());
    }

    private boolean preflightOk(JobType type, Optional<String> user) {
        Preflight p = jobs.preflight(type, user);
        if (!p.ready()) {
            out.println("!! " + p.message());
            out.println("   Code " + p.code().number() + ": " + p.code().title());
            out.println("   Remedy: " + p.remedy());
            jobs.recordRefusal(type, user, p);
        }
        return p.ready();
    }

    private void scanToEmail() throws IOException {
        out.println("== Scan to Email ==");
        if (!preflightOk(JobType.SCAN_TO_EMAIL, Optional.empty())) {
            return;
        }
        List<String> to = splitList(ask("To (comma-separated)"));
        String subject = ask("Subject");
        report(jobs.submit(new JobRequest.ScanToEmail(to, subject, "Scanned on the device.",
                List.of(scannedDocument))));
    }

    private void fax() throws IOException {
        out.println("== Fax ==");
        if (!preflightOk(JobType.FAX, Optional.empty())) {
            return;
        }
        report(jobs.submit(new JobRequest.Fax(splitList(ask("Fax number(s)")), List.of(scannedDocument))));
    }

    private void scanToMyEmail() throws IOException {
        out.println("== Scan to My Email ==");
        String user = ask("User name");
        if (user.isBlank()) {
            return;
        }
        AccountId id = AccountId.user(user);
        Preflight p = jobs.preflight(JobType.SCAN_TO_MY_EMAIL, Optional.of(user));
        if (!p.ready() && p.code().isSignInProblem()) {
            out.println("!! " + p.message() + " (code " + p.code().number() + ")");
            jobs.recordRefusal(JobType.SCAN_TO_MY_EMAIL, Optional.of(user), p);
            if (!"y".equalsIgnoreCase(ask("Sign in to your email account now? (y/n)")) || !signIn(id)) {
                return;
            }
        } else if (!p.ready()) {
            preflightOk(JobType.SCAN_TO_MY_EMAIL, Optional.of(user));
            return;
        }
        report(jobs.submit(new JobRequest.ScanToMyEmail(user, ask("Subject"), "Scanned on the device.",
                List.of(scannedDocument))));
    }

    /** Shows the device code, link, expiry and QR code; Enter checks, c cancels. */
    private boolean signIn(AccountId id) throws IOException {
        DeviceCodePrompt prompt;
        try {
            prompt = accounts.startSignIn(id, profiles.apply(id));
        } catch (PrintmailException e) {
            out.println("!! Sign-in could not start: code " + e.code().number() + " " + e.detail());
            out.println("   Remedy: " + e.remedy());
            return false;
        }
        out.println("== Sign In ==");
        out.println("Open: " + prompt.verificationUri());
        out.println("Code: " + prompt.userCode());
        long minutes = Math.max(0, Duration.between(clock.instant(), prompt.expiresAt()).toMinutes());
        out.println("Expires: " + TIME.format(prompt.expiresAt()) + " (in " + minutes + " min)");
        out.print(TerminalQr.render(prompt.verificationUri().toString()));
        while (true) {
            String c = ask("Press Enter when done, c to cancel");
            AccountStatus st = accounts.status(id);
            if ("c".equalsIgnoreCase(c)) {
                accounts.cancelSignIn(id);
                out.println("Sign-in cancelled.");
                return false;
            }
            if (st.state() == AccountState.SIGNED_IN) {
                out.println("Signed in as " + st.accountName());
                return true;
            }
            if (st.state() != AccountState.SIGN_IN_PENDING) {
                out.println("!! Sign-in ended: " + st.reason() + " (code " + st.code().number() + ")");
                return false;
            }
            out.println("Still waiting for the sign-in to finish.");
        }
    }

    private void report(JobTicket t) {
        if (t.accepted()) {
            out.println("Job " + t.jobId() + " accepted; see Job Status.");
        } else {
            out.println("!! Job " + t.jobId() + " refused: code " + t.preflight().code().number() + " "
                    + t.preflight().message());
            out.println("   Remedy: " + t.preflight().remedy());
        }
    }

    private void jobStatus() throws IOException {
        out.print(JobStatusScreen.render(jobs.outbox(), jobs.jobLog()));
        ask("Press Enter");
    }

    private static List<String> splitList(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
