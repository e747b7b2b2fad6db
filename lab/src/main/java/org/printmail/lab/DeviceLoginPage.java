package org.printmail.lab;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /devicelogin}: code, then account, then password, then permissions (skipped when
 * consent exists, as Microsoft does), then done. Flow state lives on the server under a random
 * flow token sent as a hidden field (and mirrored in an HttpOnly cookie); nothing in URLs.
 */
final class DeviceLoginPage {
    static final String COOKIE = "lab_flow";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceLoginPage.class);
    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(30);

    private enum Step { ACCOUNT, PASSWORD, CONSENT }

    private static final class Flow {
        final String token = Secrets.token(32);
        final String userCode;
        final Instant started;
        Step step = Step.ACCOUNT;
        String upn;

        Flow(String userCode, Instant started) {
            this.userCode = userCode;
            this.started = started;
        }
    }

    private final LabContext ctx;
    private final Map<String, Flow> flows = new ConcurrentHashMap<>();

    DeviceLoginPage(LabContext ctx) { this.ctx = ctx; }

    void handle(HttpExchange ex) throws IOException, HttpIo.BadRequest {
        if ("GET".equals(ex.getRequestMethod())) {
            html(ex, LoginHtml.codePage("", null));
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            HttpIo.send(ex, 405, HttpIo.HTML, new byte[0]);
            return;
        }
        Map<String, String> form = HttpIo.readForm(ex);
        String token = form.get("flowToken");
        if (token == null) {
            codeStep(ex, form.get("otc"));
            return;
        }
        Flow flow = flows.get(token);
        Optional<String> cookie = HttpIo.cookie(ex, COOKIE);
        if (flow == null || cookie.isPresent() && !cookie.get().equals(token)
                || ctx.clock.instant().isAfter(flow.started.plus(FLOW_LIFETIME))) {
            html(ex, LoginHtml.codePage("", "Your session has timed out. Enter the code again."));
            return;
        }
        switch (flow.step) {
            case ACCOUNT: accountStep(ex, flow, form.get("login")); break;
            case PASSWORD: passwordStep(ex, flow, form.get("passwd")); break;
            default: consentStep(ex, flow, form); break;
        }
    }

    private void codeStep(HttpExchange ex, String typed) throws IOException {
        Optional<DeviceCodes.CodeView> code = ctx.deviceCodes.pending(typed);
        if (code.isEmpty()) {
            String error = ctx.deviceCodes.isExpired(typed)
                    ? "The code you entered has expired. Get a new code from the device you're "
                            + "trying to sign in to and try again. (AADSTS70019)"
                    : "That code didn't work. Check the code and try again. (AADSTS70018)";
            html(ex, LoginHtml.codePage(typed, error));
            return;
        }
        flows.values().removeIf(f -> ctx.clock.instant().isAfter(f.started.plus(FLOW_LIFETIME)));
        Flow flow = new Flow(code.get().userCode(), ctx.clock.instant());
        flows.put(flow.token, flow);
        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + flow.token
                + "; Path=/devicelogin; Secure; HttpOnly; SameSite=Strict");
        html(ex, LoginHtml.accountPage(flow.token, "", null));
    }

    private void accountStep(HttpExchange ex, Flow flow, String login) throws IOException {
        Optional<LabUsers.User> user = ctx.users.find(login);
        if (user.isEmpty()) {
            html(ex, LoginHtml.accountPage(flow.token, login, "This username may be incorrect. "
                    + "Make sure you typed it correctly. Otherwise, contact your admin. "
                    + "(AADSTS50034)"));
            return;
        }
        flow.upn = user.get().upn();
        flow.step = Step.PASSWORD;
        html(ex, LoginHtml.passwordPage(flow.token, flow.upn, null));
    }

    private void passwordStep(HttpExchange ex, Flow flow, String password) throws IOException {
        LabUsers.User user = ctx.users.find(flow.upn).orElseThrow();
        if (!ctx.users.passwordMatches(user, password)) {
            LOG.info("lab idp: wrong password for {}", user.upn());
            html(ex, LoginHtml.passwordPage(flow.token, user.upn(), "Your account or password is "
                    + "incorrect. If you don't remember your password, reset it now. "
                    + "(AADSTS50126)"));
            return;
        }
        Optional<DeviceCodes.CodeView> code = ctx.deviceCodes.pending(flow.userCode);
        if (code.isEmpty()) {
            finish(ex, flow, expiredPage());
            return;
        }
        if (ctx.signInFailure() == null && !ctx.consent.hasConsent(user.upn())
                && ctx.consent.mayConsent(user)) {
            flow.step = Step.CONSENT;
            html(ex, LoginHtml.consentPage(flow.token, user.upn(), code.get().scopes(),
                    user.admin()));
            return;
        }
        // Consent already given (Microsoft skips the page), or a policy refuses the sign-in.
        RevocationReason blocked = ctx.completeSignIn(flow.userCode, user, false);
        finish(ex, flow, blocked == null ? LoginHtml.donePage() : blockedPage(blocked));
    }

    private void consentStep(HttpExchange ex, Flow flow, Map<String, String> form)
            throws IOException {
        if (ctx.deviceCodes.pending(flow.userCode).isEmpty()) {
            finish(ex, flow, expiredPage());
            return;
        }
        if ("cancel".equals(form.get("action"))) {
            ctx.deviceCodes.decline(flow.userCode);
            LOG.info("lab idp: sign-in declined for user code {}", flow.userCode);
            finish(ex, flow, LoginHtml.declinedPage());
            return;
        }
        if (!"accept".equals(form.get("action"))) {
            HttpIo.send(ex, 400, HttpIo.HTML, new byte[0]);
            return;
        }
        LabUsers.User user = ctx.users.find(flow.upn).orElseThrow();
        RevocationReason blocked = ctx.completeSignIn(flow.userCode, user,
                "true".equals(form.get("consent_org")));
        finish(ex, flow, blocked == null ? LoginHtml.donePage() : blockedPage(blocked));
    }

    private void finish(HttpExchange ex, Flow flow, String page) throws IOException {
        flows.remove(flow.token);
        ex.getResponseHeaders().add("Set-Cookie", COOKIE
                + "=; Path=/devicelogin; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
        html(ex, page);
    }

    private static String expiredPage() {
        return LoginHtml.stopPage("Code expired", "The code you entered has expired. Get a new "
                + "code from the device you're trying to sign in to and try again.", 70019);
    }

    private static String blockedPage(RevocationReason reason) {
        if (reason == RevocationReason.CONSENT_REQUIRED
                || reason == RevocationReason.ADMIN_CONSENT_REQUIRED) {
            return LoginHtml.stopPage("Need admin approval", LoginHtml.APP_NAME + " needs "
                    + "permission to access resources in your organization that only an admin "
                    + "can grant. Please ask an admin to grant permission to this app before you "
                    + "can use it.", reason.aadstsCode());
        }
        return LoginHtml.stopPage("You cannot access this right now",
                reason.description(LabIdentityOptions.LAB_CLIENT_ID, LabUsers.TENANT_DOMAIN),
                reason.aadstsCode());
    }

    private static void html(HttpExchange ex, String page) throws IOException {
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; "
                + "style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        HttpIo.send(ex, 200, HttpIo.HTML, page.getBytes(StandardCharsets.UTF_8));
    }
}
