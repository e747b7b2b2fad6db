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
            r.session().flash(Notice.error(e.code().number() + " " + e.code().title() + ". "
                    + e.detail(), a.remedy(e.remedy())));
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
        r.session().flash(Notice.info("Signed out. The device's tokens for this account were erased."));
        return Response.redirect(a.path());
    }

    /** Sign Out erases tokens only a Global Administrator may be able to replace: ask first. */
    private Response confirmSignOut(Request r, MailAccount a) {
        AccountStatus st = board.fresh(a.id());
        return layout.page(r, a.title() + " > Sign Out", h -> {
            h.open("p").text("Sign out ").el("strong", st.accountName(), "id", "sign-out-account")
                    .text("?").close("p");
            h.open("ul", "id", "sign-out-losses");
            h.el("li", "The device's tokens for this account are erased from the device.");
            h.el("li", a == MailAccount.FAX
                    ? "Faxes are not sent until someone signs in again."
                    : "Scan to Email and notifications are not sent until someone signs in again.");
            h.el("li", "Signing in again may need an administrator of the organization"
                    + " (for example a Global Administrator) to approve the device.");
            h.close("ul");
            h.open("div", "class", "buttons");
            Layout.form(h, r.session(), a.signOutPath(), "sign-out-form",
                    f -> f.el("button", "Sign Out", "type", "submit", "id", "confirm-sign-out"));
            h.el("a", "Cancel", "href", a.path(), "class", "button", "id", "cancel-sign-out");
            h.close("div");
        });
    }

    private Response render(Request r, MailAccount a) {
        AccountStatus st = board.fresh(a.id());
        EmailServerForm draft = emailServer.draft(r.session(), a);
        String service = backend.profiles().keySet().stream().filter(s -> s.name().equals(draft.get(EmailServerForm.SERVICE)))
                .findFirst().map(s -> s.displayName()).orElse("(choose an Email service first)");
        Optional<DeviceCodePrompt> prompt = st.state() == AccountState.SIGN_IN_PENDING ? st.prompt() : Optional.empty();
        Duration left = prompt.map(p -> Duration.between(backend.clock().instant(), p.expiresAt()))
                .orElse(Duration.ZERO);
        return layout.page(r, a.title() + " > Sign In", h -> {
            h.open("p").text("Email service: ").el("strong", service, "id",
                    "sign-in-service").close("p");
            h.open("p").text("Current Status: ").el("strong", EmailServerPage.stateText(st),
                    "id", "sign-in-state")
                    .close("p");
            sendingNote(h, draft.get(EmailServerForm.SENDER), st);
            if (st.state() == AccountState.SIGNED_IN) {
                signedIn(h, r.session(), a, st);
            } else if (prompt.isPresent() && !left.isNegative() && !left.isZero()) {
                pending(h, r.session(), a, prompt.get(), left);
            } else {
                offer(h, r.session(), a, st, prompt.isPresent());
            }
        });
    }

    /** Which mailbox the device sends from: the signed-in account, unless a sender is named. */
    private static void sendingNote(Html h, String sender, AccountStatus st) {
        boolean signedIn = st.state() == AccountState.SIGNED_IN && !st.accountName().isBlank();
        String account = signedIn ? "the signed-in account (" + st.accountName() + ")"
                : "the account you sign in with";
        String text = sender.isBlank() || sender.equalsIgnoreCase(st.accountName())
                ? "Email is sent from " + account
                        + ": the account signed in here is the one that sends."
                : "Email is sent as " + sender + " (Sender's Email Address): " + account
                        + " must be that mailbox or have Send As permission on it.";
        h.el("p", text, "id", "sending-account", "class", "hint");
    }

    private static void signedIn(Html h, Session s, MailAccount a, AccountStatus st) {
        h.open("p").text("Authenticated Account: ").el("strong", st.accountName(), "id",
                "signed-in-account").close("p");
        h.el("p", "Click Close, then OK on the Email Server page to save the settings to the device.", "class", "hint");
        h.open("div", "class", "buttons");
        h.el("a", "Close", "href", a.path(), "class", "button", "id", "close-button");
        h.el("a", "Sign Out", "href", a.signOutPath(), "class", "button", "id", "sign-out-button");
        h.close("div");
    }

    private static void pending(Html h, Session s, MailAccount a, DeviceCodePrompt p,
            Duration left) {
        String link = p.verificationUri().toString();
        boolean linkSafe = "https".equalsIgnoreCase(p.verificationUri().getScheme());
        h.open("div", "id", "sign-in-pending", "data-status-url", Html.query(STATUS_API, "account",
                a.id().key()),
                "data-remaining-seconds", Long.toString(left.toSeconds()));
        h.open("ol", "class", "steps");
        h.open("li").text("Copy this code: ").el("code", p.userCode(), "id", "user-code", "class",
                "user-code").close("li");
        h.open("li").text("Open ");
        if (linkSafe) {
            h.el("a", link, "href", link, "target", "_blank", "rel", "noopener noreferrer", "id",
                    "verification-link");
        } else {
            h.el("span", link, "id", "verification-link");
        }
        h.text(" (or scan the QR code) and enter the code.").close("li");
        h.el("li", "Sign in with an account that has Global Administrator rights (or Cloud Application"
                + " Administrator), tick \"Consent on behalf of your organization\" and click"
                + " Accept.");
        h.el("li", "This page changes to \"Signed in\" by itself.");
        h.close("ol");
        if (linkSafe) {
            QrSvg.render(h, link, "verification-qr");
        }
        h.open("p").text("The code expires in ").el("span", formatLeft(left), "id", "countdown")
                .text(".").close("p");
        h.close("div");
        Layout.form(h, s, a.signInPath() + "/cancel", "cancel-form",
                f -> f.el("button", "Cancel", "type", "submit", "id", "cancel-button"));
    }

    private static void offer(Html h, Session s, MailAccount a, AccountStatus st,
            boolean codeRanOut) {
        boolean expired = codeRanOut || st.code() == JobCode.SIGN_IN_CODE_EXPIRED;
        if (expired) {
            Layout.notice(h, Notice.warning("The sign-in code expired before it was entered.",
                    JobCode.SIGN_IN_CODE_EXPIRED.remedy()), "flash");
        } else if (st.code() != JobCode.OK && st.code() != JobCode.NOT_SIGNED_IN) {
            String reason = st.reason() == null || st.reason().isBlank() ? ""
                    : " " + Character.toUpperCase(st.reason().charAt(0)) + st.reason().substring(1);
            Layout.notice(h, Notice.error(st.code().number() + " " + st.code().title() + "."
                    + reason,
                    a.remedy(st.code().remedyFor(st.reason()))), "flash");
            if (st.diagnostics() != null && !st.diagnostics().isBlank()) {
                h.open("details").el("summary", "Details for support").el("pre",
                        st.diagnostics()).close("details");
            }
        }
        Layout.form(h, s, a.signInPath() + "/start", "sign-in-form", f -> f.el("button",
                expired ? "Get a new code" : "Sign in with Microsoft", "type", "submit", "id",
                        "sign-in-with-microsoft"));
        h.open("p").el("a", "Back", "href", a.path(), "id", "back-link").close("p");
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
