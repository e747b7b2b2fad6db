package org.printmail.panel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.printmail.auth.AccountId;
import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceProfile;
import org.printmail.config.SettingsStore;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobService;
import org.printmail.jobs.JobTicket;
import org.printmail.jobs.JobType;
import org.printmail.jobs.Preflight;

/**
 * The control panel as a keyboard-driven text UI. Every screen prints its menu path and numbered
 * choices and reads one line, so a person or a test script can drive it. "Scanning" takes the
 * document from a file (the scanner hands the panel a file on a real device too).
 *
 * <p>The panel speaks the device language, read again at every screen, so a change (here or in
 * Web Config) applies at once. Values that are data (addresses, hosts, the user code, links, job
 * ids, the keys to type) are isolated so they keep their own direction inside an Arabic line.
 */
public final class ControlPanel {
    private static final String BACK = "q";
    private static final String YES = "y";
    private static final String NO = "N";

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

    /** A menu path in the reader's language: "Settings > General Settings", "الإعدادات < إعدادات عامة". */
    static String path(Messages m, String... names) {
        return String.join(" " + m.text("panel.path.separator") + " ", names);
    }

    /** Runs until the user chooses Back on the home screen or the input ends. */
    public void run(BufferedReader input, PrintStream output) throws IOException {
        this.in = input;
        this.out = output;
        while (true) {
            Messages m = messages();
            String c = menu(m.text("panel.menu.home"), m.text("panel.menu.scanToEmail"),
                    m.text("panel.menu.scanToMyEmail"), m.text("panel.menu.fax"), m.text("panel.menu.jobStatus"),
                    m.text("panel.menu.settings"), m.text("language.label"));
            switch (c) {
                case "1" -> scanToEmail();
                case "2" -> scanToMyEmail();
                case "3" -> fax();
                case "4" -> jobStatus();
                case "5" -> settingsMenu();
                case "6" -> languageMenu();
                case BACK, "" -> {
                    return;
                }
                default -> out.println(m.text("panel.unknownChoice", c));
            }
        }
    }

    /** The device language, as the setting holds it now. */
    private Messages messages() { return Messages.of(settings.current().language()); }

    private String menu(String path, String... items) throws IOException {
        out.println();
        out.println("== " + path + " ==");
        for (int i = 0; i < items.length; i++) {
            out.println("  " + (i + 1) + ". " + items[i]);
        }
        out.println("  " + Messages.isolate(BACK) + ". " + messages().text("panel.back"));
        out.print("> ");
        out.flush();
        String line = in.readLine();
        return line == null ? BACK : line.trim();
    }

    private String ask(String prompt) throws IOException {
        out.print(prompt + ": ");
        out.flush();
        String line = in.readLine();
        return line == null ? "" : line.trim();
    }

    private boolean confirm(Messages m, String questionKey) throws IOException {
        return YES.equalsIgnoreCase(ask(m.render(Text.of("panel.yesNo", Text.of(questionKey), YES, NO))));
    }

    private void settingsMenu() throws IOException {
        while (true) {
            Messages m = messages();
            String title = path(m, m.text("panel.menu.settings"), m.text("panel.menu.generalSettings"),
                    m.text("panel.menu.networkSettings"), m.text("panel.menu.networkStatus"));
            String c = webConfigReset == null
                    ? menu(title, m.text("panel.menu.emailServerStatus"), m.text("panel.menu.statusSheet"))
                    : menu(title, m.text("panel.menu.emailServerStatus"), m.text("panel.menu.statusSheet"),
                    m.text("panel.menu.webConfigReset"));
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

    /** The device language: each language by its own name; saved at once, used from the next line. */
    private void languageMenu() throws IOException {
        Messages m = messages();
        Language[] all = Language.values();
        String[] names = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            // Each language's own name, isolated: "English" is a left-to-right name in an Arabic list.
            names[i] = Messages.isolate(m.text("language." + all[i].tag()));
        }
        String c = menu(m.text("language.label"), names);
        for (int i = 0; i < all.length; i++) {
            if (String.valueOf(i + 1).equals(c)) {
                Language chosen = all[i];
                settings.update(s -> s.withLanguage(chosen));
                out.println(Messages.of(chosen).render(Text.of("panel.language.saved",
                        Text.of("language." + chosen.tag()))));
            }
        }
    }

    /** The administrator's way back into Web Config; logs every Web Config session out. */
    private void resetWebConfigPassword() throws IOException {
        Messages m = messages();
        out.println("== " + path(m, m.text("panel.menu.settings"), m.text("panel.menu.webConfigReset")) + " ==");
        out.println(m.text("panel.reset.explain"));
        String next = ask(m.text("panel.reset.newPassword"));
        String again = ask(m.text("panel.reset.confirm"));
        if (!confirm(m, "panel.reset.ask")) {
            out.println(m.text("panel.reset.notChanged"));
            return;
        }
        webConfigReset.reset(next, again).ifPresentOrElse(
                problem -> out.println(m.text("panel.reset.notChangedBecause", problem)),
                () -> out.println(m.text("panel.reset.done")));
    }

    private void printStatusSheet() throws IOException {
        Files.createDirectories(statusSheetDir);
        Path file = statusSheetDir.resolve("status-sheet-" + clock.instant().getEpochSecond() + ".pdf");
        StatusSheet.print(file, settings.current(), accounts.statuses(), clock);
        out.println(messages().text("panel.sheet.printed", file.toAbsolutePath()));
    }

    private boolean preflightOk(JobType type, Optional<String> user) {
        Preflight p = jobs.preflight(type, user);
        if (!p.ready()) {
            Messages m = messages();
            out.println("!! " + m.render(refusal(p)));
            out.println("   " + m.render(Text.of("panel.refused.code", p.code().number(), p.code().titleText())));
            out.println("   " + m.render(Text.of("panel.remedy", p.remedyText())));
            jobs.recordRefusal(type, user, p);
        }
        return p.ready();
    }

    /** What the panel says when a job cannot start: the vendor guide's words for sign-in problems. */
    private static Text refusal(Preflight p) {
        return p.code().isSignInProblem() ? Preflight.SIGN_IN_TEXT : p.messageText();
    }

    private void scanToEmail() throws IOException {
        Messages m = messages();
        out.println("== " + m.text("panel.menu.scanToEmail") + " ==");
        if (!preflightOk(JobType.SCAN_TO_EMAIL, Optional.empty())) {
            return;
        }
        List<String> to = splitList(ask(m.text("panel.scan.to")));
        String subject = ask(m.text("panel.scan.subject"));
        report(jobs.submit(new JobRequest.ScanToEmail(to, subject, m.text("panel.scan.body"),
                List.of(scannedDocument))));
    }

    private void fax() throws IOException {
        Messages m = messages();
        out.println("== " + m.text("panel.menu.fax") + " ==");
        if (!preflightOk(JobType.FAX, Optional.empty())) {
            return;
        }
        report(jobs.submit(new JobRequest.Fax(splitList(ask(m.text("panel.fax.numbers"))),
                List.of(scannedDocument))));
    }

    private void scanToMyEmail() throws IOException {
        Messages m = messages();
        out.println("== " + m.text("panel.menu.scanToMyEmail") + " ==");
        String user = ask(m.text("panel.user.name"));
        if (user.isBlank()) {
            return;
        }
        AccountId id = AccountId.user(user);
        Preflight p = jobs.preflight(JobType.SCAN_TO_MY_EMAIL, Optional.of(user));
        if (!p.ready() && p.code().isSignInProblem()) {
            out.println("!! " + m.render(Text.of("panel.signIn.signInProblem", refusal(p), p.code().number())));
            jobs.recordRefusal(JobType.SCAN_TO_MY_EMAIL, Optional.of(user), p);
            if (!confirm(m, "panel.signIn.askNow") || !signIn(id)) {
                return;
            }
        } else if (!p.ready()) {
            preflightOk(JobType.SCAN_TO_MY_EMAIL, Optional.of(user));
            return;
        }
        report(jobs.submit(new JobRequest.ScanToMyEmail(user, ask(m.text("panel.scan.subject")),
                m.text("panel.scan.body"), List.of(scannedDocument))));
    }

    /** Shows the device code, link, expiry and QR code; Enter checks, c cancels. */
    private boolean signIn(AccountId id) throws IOException {
        Messages m = messages();
        DeviceCodePrompt prompt;
        try {
            prompt = accounts.startSignIn(id, profiles.apply(id));
        } catch (PrintmailException e) {
            out.println("!! " + m.render(Text.of("panel.signIn.couldNotStart", e.code().number(), e.detailText())));
            out.println("   " + m.render(Text.of("panel.remedy", e.remedyText())));
            return false;
        }
        out.println("== " + m.text("panel.menu.signIn") + " ==");
        out.println(m.text("panel.signIn.open", prompt.verificationUri()));
        out.println(m.text("panel.signIn.code", prompt.userCode()));
        long minutes = Math.max(0, Duration.between(clock.instant(), prompt.expiresAt()).toMinutes());
        out.println(m.count("panel.signIn.expires", minutes, m.dateTime(prompt.expiresAt(), clock.getZone())));
        out.print(TerminalQr.render(prompt.verificationUri().toString()));
        while (true) {
            String c = ask(m.text("panel.signIn.enterOrCancel", "c"));
            AccountStatus st = accounts.status(id);
            if ("c".equalsIgnoreCase(c)) {
                accounts.cancelSignIn(id);
                out.println(m.text("panel.signIn.cancelled"));
                return false;
            }
            if (st.state() == AccountState.SIGNED_IN) {
                out.println(m.text("panel.signIn.done", st.accountName()));
                return true;
            }
            if (st.state() != AccountState.SIGN_IN_PENDING) {
                Text why = st.reason().isEmpty() ? st.code().titleText() : st.reasonText();
                out.println("!! " + m.render(Text.of("panel.signIn.ended", why, st.code().number())));
                return false;
            }
            out.println(m.text("panel.signIn.waiting"));
        }
    }

    private void report(JobTicket t) {
        Messages m = messages();
        if (t.accepted()) {
            out.println(m.text("panel.job.accepted", t.jobId()));
        } else {
            out.println("!! " + m.render(Text.of("panel.job.refused", t.jobId(), t.preflight().code().number(),
                    refusal(t.preflight()))));
            out.println("   " + m.render(Text.of("panel.remedy", t.preflight().remedyText())));
        }
    }

    private void jobStatus() throws IOException {
        Messages m = messages();
        out.print(JobStatusScreen.render(m, clock.getZone(), jobs.outbox(), jobs.jobLog()));
        ask(m.text("panel.pressEnter"));
    }

    private static List<String> splitList(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
