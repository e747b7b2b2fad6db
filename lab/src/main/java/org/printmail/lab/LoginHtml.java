package org.printmail.lab;

import java.util.List;
import java.util.Map;
import org.owasp.encoder.Encode;

/**
 * The /devicelogin pages, modelled on Microsoft's (code, account, password, permissions, done).
 * Every echoed value goes through the OWASP encoder; no script on any page. Element ids are
 * stable so tests and the demo can drive the pages.
 */
final class LoginHtml {
    static final String APP_NAME = "printmail device";
    private static final Map<String, String> SCOPE_TEXT = Map.of(
            LabGrants.SMTP_SCOPE.toLowerCase(java.util.Locale.ROOT),
            "Send emails from mailboxes using SMTP AUTH.",
            "offline_access", "Maintain access to data you have given it access to",
            "openid", "Sign you in",
            "profile", "View your basic profile",
            "email", "View your email address");

    private LoginHtml() {
    }

    static String codePage(String typed, String error) {
        return page("Enter code", "<form id=\"code-form\" method=\"post\" action=\"/devicelogin\">"
                + "<h1 id=\"title\">Enter code</h1>"
                + "<p>Enter the code displayed on your app or device.</p>" + error(error)
                + "<input type=\"text\" name=\"otc\" id=\"otc\" maxlength=\"64\" autocomplete=\"off\""
                + " placeholder=\"Code\" value=\"" + Encode.forHtmlAttribute(nz(typed)) + "\">"
                + "<button type=\"submit\" id=\"next\">Next</button></form>");
    }

    static String accountPage(String flow, String typed, String error) {
        return page("Sign in", form("account-form", flow) + "<h1 id=\"title\">Sign in</h1>"
                + "<p>to continue to " + APP_NAME + "</p>" + error(error)
                + "<input type=\"text\" name=\"login\" id=\"login\" autocomplete=\"username\""
                + " placeholder=\"Email, phone, or Skype\" value=\""
                + Encode.forHtmlAttribute(nz(typed)) + "\">"
                + "<button type=\"submit\" id=\"next\">Next</button></form>");
    }

    static String passwordPage(String flow, String upn, String error) {
        return page("Enter password", form("password-form", flow)
                + "<div id=\"display-name\">" + Encode.forHtml(upn) + "</div>"
                + "<h1 id=\"title\">Enter password</h1>" + error(error)
                + "<input type=\"password\" name=\"passwd\" id=\"passwd\""
                + " autocomplete=\"current-password\" placeholder=\"Password\">"
                + "<button type=\"submit\" id=\"signin\">Sign in</button></form>");
    }

    static String consentPage(String flow, String upn, List<String> scopes, boolean admin) {
        StringBuilder list = new StringBuilder("<ul id=\"scopes\">");
        for (String s : scopes) {
            String text = SCOPE_TEXT.getOrDefault(s.toLowerCase(java.util.Locale.ROOT), s);
            list.append("<li>").append(Encode.forHtml(text)).append(" <code>")
                    .append(Encode.forHtml(s)).append("</code></li>");
        }
        list.append("</ul>");
        String org = !admin ? "" : "<p><input type=\"checkbox\" name=\"consent_org\""
                + " id=\"consent_org\" value=\"true\"><label for=\"consent_org\">Consent on behalf"
                + " of your organization</label></p>";
        return page("Permissions requested", form("consent-form", flow)
                + "<div id=\"display-name\">" + Encode.forHtml(upn) + "</div>"
                + "<h1 id=\"title\">Permissions requested</h1>"
                + "<p><span id=\"app-name\">" + APP_NAME + "</span> <span id=\"app-publisher\">"
                + "(unverified)</span></p><p>This app would like to:</p>" + list + org
                + "<p>Accepting these permissions means that you allow this app to use your data"
                + " as specified in their terms of service and privacy statement.</p>"
                + "<button type=\"submit\" name=\"action\" value=\"cancel\" id=\"cancel\">Cancel"
                + "</button><button type=\"submit\" name=\"action\" value=\"accept\" id=\"accept\">"
                + "Accept</button></form>");
    }

    static String donePage() {
        return page(APP_NAME, "<h1 id=\"title\">" + APP_NAME + "</h1><p id=\"done\">You have signed"
                + " in to the " + APP_NAME + " application on your device. You may now close this"
                + " window.</p>");
    }

    static String declinedPage() {
        return page(APP_NAME, "<h1 id=\"title\">" + APP_NAME + "</h1><p id=\"declined\">You have"
                + " declined to sign in to the " + APP_NAME + " application on your device. You"
                + " may now close this window.</p>");
    }

    /** A dead end (policy block, admin approval needed, code expired mid-way). */
    static String stopPage(String title, String message, int aadstsCode) {
        return page(title, "<h1 id=\"title\">" + Encode.forHtml(title) + "</h1>"
                + "<div id=\"error\" role=\"alert\">" + Encode.forHtml(message) + "</div>"
                + "<p id=\"error-code\">Error code: AADSTS" + aadstsCode + "</p>");
    }

    private static String form(String id, String flow) {
        return "<form id=\"" + id + "\" method=\"post\" action=\"/devicelogin\">"
                + "<input type=\"hidden\" name=\"flowToken\" value=\""
                + Encode.forHtmlAttribute(flow) + "\">";
    }

    private static String error(String message) {
        return message == null ? ""
                : "<div id=\"error\" role=\"alert\">" + Encode.forHtml(message) + "</div>";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Encode.forHtml(title) + " - lab identity platform</title><style>"
                + "body{font-family:Segoe UI,Arial,sans-serif;background:#f2f2f2}"
                + "main{max-width:440px;margin:60px auto;background:#fff;padding:44px}"
                + "input[type=text],input[type=password]{width:100%;padding:6px;margin:8px 0}"
                + "#error{color:#e81123}button{margin:8px 8px 0 0;padding:6px 24px}"
                + "</style></head><body><main><p id=\"lab-banner\">Lab identity platform (TEST-ONLY"
                + " stand-in for Microsoft)</p>" + body + "</main></body></html>";
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
