package org.printmail.webconfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.ConfigException;
import org.printmail.config.DeviceProfile;
import org.printmail.auth.AccountId;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * Sign In: "Sign in with Microsoft" shows the user code, the verification link, its QR code and
 * a countdown; the page turns to "Signed in" by itself (the script polls {@link #STATUS_API},
 * which serves the event-fed state only), offers a new code after expiry, and shows the remedy
 * when the sign-in was declined or blocked by policy.
 */
final class SignInPage {
    static final String STATUS_API = "/api/signin-status";
    /** Jackson starts with the first status poll, not on the way to Web Config's first page. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    static final String MINUTES_LEFT = "webconfig.signIn.expiresIn.minutes";
    static final String SECONDS_LEFT = "webconfig.signIn.expiresIn.seconds";

    private final Layout layout;
    private final WebConfigBackend backend;
    private final StatusBoard board;
    private final EmailServerPage emailServer;

    SignInPage(Layout layout, WebConfigBackend backend, StatusBoard board,
            EmailServerPage emailServer) {
        this.layout = layout;
        this.backend = backend;
        this.board = board;
        this.emailServer = emailServer;
    }

    void register(Dispatcher d) {
        for (MailAccount a : MailAccount.values()) {
            d.get(a.signInPath(), Dispatcher.Access.ADMIN, r -> render(r, a));
            d.post(a.signInPath() + "/start", Dispatcher.Access.ADMIN, r -> start(r, a));
            d.post(a.signInPath() + "/cancel", Dispatcher.Access.ADMIN, r -> cancel(r, a));
            d.get(a.signOutPath(), Dispatcher.Access.ADMIN, r -> confirmSignOut(r, a));
            d.post(a.signOutPath(), Dispatcher.Access.ADMIN, r -> signOut(r, a));
        }
        d.get(STATUS_API, Dispatcher.Access.API, this::statusJson);
    }

    private Response start(Request r, MailAccount a) {
        try {
            DeviceProfile profile = EmailServerPage.profileFor(backend,
                    emailServer.draft(r.session(), a), a);
            backend.accounts().startSignIn(a.id(), profile);
        } catch (ConfigException e) {
            // The form or the profile is wrong, not the sign-in: say so once, on this page view.
            r.session().flash(Notice.error(Text.of("webconfig.codeTitleDetail", e.code().number(),
                    e.code().titleText(), e.detailText()), e.remedyText()).remedyFor(a));
        } catch (PrintmailException e) {
            board.signInRefused(a.id(), e); // the latest error stays on the page and in its JSON
        }
        return Response.redirect(a.signInPath());
    }

    private Response cancel(Request r, MailAccount a) {
        backend.accounts().cancelSignIn(a.id());
        return Response.redirect(a.path());
    }

    private Response signOut(Request r, MailAccount a) {
        backend.accounts().signOut(a.id());
        r.session().flash(Notice.info(Text.of("webconfig.signOut.done")));
        return Response.redirect(a.path());
    }

    /** Sign Out erases tokens only a Global Administrator may be able to replace: ask first. */
    private Response confirmSignOut(Request r, MailAccount a) {
        AccountStatus st = board.fresh(a.id());
        Messages m = r.messages();
        return layout.page(r, m.text("webconfig.signOut.title", a.titleText()), h -> {
            h.open("p").text(m.text("webconfig.signOut.question.before")).text(" ")
                    .open("strong", "id", "sign-out-account").ltr(st.accountName()).close("strong")
                    .text(m.text("webconfig.signOut.question.after")).close("p");
            h.open("ul", "id", "sign-out-losses");
            h.el("li", m.text("webconfig.signOut.loss.tokens"));
            h.el("li", m.text(a == MailAccount.FAX ? "webconfig.signOut.loss.fax"
                    : "webconfig.signOut.loss.scan"));
            h.el("li", m.text("webconfig.signOut.loss.approval"));
            h.close("ul");
            h.open("div", "class", "buttons");
            Layout.form(h, r.session(), a.signOutPath(), "sign-out-form",
                    f -> f.el("button", m.text("webconfig.signOut"), "type", "submit", "id",
                            "confirm-sign-out"));
            h.el("a", m.text("common.button.cancel"), "href", a.path(), "class", "button", "id",
                    "cancel-sign-out");
            h.close("div");
        });
    }

    private Response render(Request r, MailAccount a) {
        AccountStatus st = board.fresh(a.id());
        Messages m = r.messages();
        EmailServerForm draft = emailServer.draft(r.session(), a);
        String service = backend.profiles().keySet().stream()
                .filter(s -> s.name().equals(draft.get(EmailServerForm.SERVICE))).findFirst()
                .map(s -> m.render(s.displayNameText()))
                .orElse(m.text("webconfig.signIn.noService"));
        Optional<DeviceCodePrompt> prompt = st.state() == AccountState.SIGN_IN_PENDING ? st.prompt()
                : Optional.empty();
        Duration left = prompt.map(p -> Duration.between(backend.clock().instant(), p.expiresAt()))
                .orElse(Duration.ZERO);
        return layout.page(r, m.text("webconfig.signIn.title", a.titleText()), h -> {
            h.open("p").text(m.render(EmailServerForm.label(EmailServerForm.SERVICE))).text(": ")
                    .el("strong", service, "id",
                    "sign-in-service").close("p");
            h.open("p").text(m.text("webconfig.currentStatus")).text(": ").el("strong",
                    EmailServerPage.stateText(m, st), "id", "sign-in-state").close("p");
            sendingNote(h, m, draft.get(EmailServerForm.SENDER), st);
            if (st.state() == AccountState.SIGNED_IN) {
                signedIn(h, m, a, st);
            } else if (prompt.isPresent() && !left.isNegative() && !left.isZero()) {
                pending(h, m, r.session(), a, prompt.get(), left);
            } else {
                offer(h, m, r.session(), a, st, prompt.isPresent());
            }
        });
    }

    /** Which mailbox the device sends from: the signed-in account, unless a sender is named. */
    private static void sendingNote(Html h, Messages m, String sender, AccountStatus st) {
        boolean signedIn = st.state() == AccountState.SIGNED_IN && !st.accountName().isBlank();
        Text account = signedIn ? Text.of("webconfig.signIn.theSignedInAccount", st.accountName())
                : Text.of("webconfig.signIn.theAccountYouSignInWith");
        String text = sender.isBlank() || sender.equalsIgnoreCase(st.accountName())
                ? m.text("webconfig.signIn.sentFrom", account)
                : m.text("webconfig.signIn.sentAs", sender, account);
        h.el("p", text, "id", "sending-account", "class", "hint");
    }

    private static void signedIn(Html h, Messages m, MailAccount a, AccountStatus st) {
        h.open("p").text(m.text("webconfig.authenticatedAccount")).text(": ")
                .open("strong", "id", "signed-in-account").ltr(st.accountName()).close("strong").close("p");
        h.el("p", m.text("webconfig.signIn.closeThenOk"), "class", "hint");
        h.open("div", "class", "buttons");
        h.el("a", m.text("webconfig.close"), "href", a.path(), "class", "button", "id", "close-button");
        h.el("a", m.text("webconfig.signOut"), "href", a.signOutPath(), "class", "button", "id",
                "sign-out-button");
        h.close("div");
    }

    /** The plural forms of a count, for the script's countdown: {@code data-<name>-<form>}. */
    private static void pluralPatterns(java.util.List<String> attrs, Messages m, String name, String key) {
        for (String form : new String[] {"zero", "one", "two", "few", "many", "other"}) {
            String pattern = m.pattern(key + "." + form);
            if (pattern != null) {
                attrs.add("data-" + name + "-" + form);
                attrs.add(pattern);
            }
        }
    }

    private static void pending(Html h, Messages m, Session s, MailAccount a, DeviceCodePrompt p,
            Duration left) {
        String link = p.verificationUri().toString();
        boolean linkSafe = "https".equalsIgnoreCase(p.verificationUri().getScheme());
        java.util.List<String> attrs = new java.util.ArrayList<>(java.util.List.of("id", "sign-in-pending",
                "data-status-url", Html.query(STATUS_API, "account", a.id().key()),
                "data-remaining-seconds", Long.toString(left.toSeconds())));
        pluralPatterns(attrs, m, "minutes", MINUTES_LEFT);
        pluralPatterns(attrs, m, "seconds", SECONDS_LEFT);
        h.open("div", attrs.toArray(new String[0]));
        h.open("ol", "class", "steps");
        h.open("li").text(m.text("webconfig.signIn.step.copy")).text(" ")
                .open("code", "id", "user-code", "class", "user-code")
                .ltr(p.userCode()).close("code").close("li");
        h.open("li").text(m.text("webconfig.signIn.step.open.before")).text(" ");
        if (linkSafe) {
            h.open("a", "href", link, "target", "_blank", "rel", "noopener noreferrer", "id",
                    "verification-link").ltr(link).close("a");
        } else {
            h.open("span", "id", "verification-link").ltr(link).close("span");
        }
        h.text(" ").text(m.text("webconfig.signIn.step.open.after")).close("li");
        h.el("li", m.text("webconfig.signIn.step.consent"));
        h.el("li", m.text("webconfig.signIn.step.wait"));
        h.close("ol");
        if (linkSafe) {
            QrSvg.render(h, link, "verification-qr", m);
        }
        h.open("p", "id", "countdown-line").el("span", expiresIn(m, left), "id", "countdown-words")
                .text(" (").el("span", formatLeft(left), "id", "countdown", "dir", "ltr").text(").")
                .close("p");
        h.close("div");
        Layout.form(h, s, a.signInPath() + "/cancel", "cancel-form",
                f -> f.el("button", m.text("common.button.cancel"), "type", "submit", "id", "cancel-button"));
    }

    /** "The code expires in N minutes" (the last minute in seconds), as the script also writes it. */
    static String expiresIn(Messages m, Duration left) {
        long s = Math.max(0, left.toSeconds());
        return s >= 60 ? m.count(MINUTES_LEFT, (s + 59) / 60) : m.count(SECONDS_LEFT, s);
    }

    private static void offer(Html h, Messages m, Session s, MailAccount a, AccountStatus st,
            boolean codeRanOut) {
        boolean expired = codeRanOut || st.code() == JobCode.SIGN_IN_CODE_EXPIRED;
        if (expired) {
            Layout.notice(h, m, Notice.warning(Text.of("webconfig.signIn.codeExpired"),
                    JobCode.SIGN_IN_CODE_EXPIRED.remedyText()), "flash");
        } else if (st.code() != JobCode.OK && st.code() != JobCode.NOT_SIGNED_IN) {
            String why = m.render(st.reasonText());
            String reason = why.isBlank() ? ""
                    : " " + Character.toUpperCase(why.charAt(0)) + why.substring(1);
            Layout.notice(h, m, Notice.error(Text.literal(m.text("webconfig.codeTitle",
                    st.code().number(), st.code().titleText()) + reason),
                    st.code().remedyTextFor(st.reason())).remedyFor(a), "flash");
            if (st.diagnostics() != null && !st.diagnostics().isBlank()) {
                h.open("details").el("summary", m.text("webconfig.signIn.diagnostics"))
                        .open("pre").ltr(st.diagnostics()).close("pre").close("details");
            }
        }
        Layout.form(h, s, a.signInPath() + "/start", "sign-in-form", f -> f.el("button",
                m.text(expired ? "webconfig.signIn.newCode" : "webconfig.signIn.withMicrosoft"), "type",
                "submit", "id", "sign-in-with-microsoft"));
        h.open("p").el("a", m.text("webconfig.back"), "href", a.path(), "id", "back-link").close("p");
    }

    static String formatLeft(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format("%d:%02d", s / 60, s % 60);
    }

    /** State only, for the sign-in page's script: never a token, code or prompt detail. */
    private Response statusJson(Request r) {
        AccountId id;
        try {
            id = MailAccount.of(AccountId.parse(r.param("account"))).id();
        } catch (IllegalArgumentException e) {
            return new Response(400, "application/json", "{\"error\":\"unknown account\"}".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), Map.of());
        }
        AccountStatus st = board.status(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", st.state().name());
        out.put("code", st.code().number());
        try {
            return Response.json(Json.MAPPER.writeValueAsString(out));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write status JSON");
        }
    }
}
