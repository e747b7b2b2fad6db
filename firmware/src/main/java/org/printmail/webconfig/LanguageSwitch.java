package org.printmail.webconfig;

import java.util.Optional;
import java.util.function.Predicate;

import org.owasp.encoder.Encode;
import org.printmail.i18n.Language;

/**
 * The language switch in every page's header: a link per language, which sets a session cookie
 * (not a secret, and not tied to the log-in, so switching never logs anyone out) and returns to
 * the page it was clicked on. The cookie outranks the browser's {@code Accept-Language}; a value
 * that names no language of the device is ignored.
 */
final class LanguageSwitch {
    static final String PATH = "/language";
    static final String COOKIE = "pm_lang";

    private LanguageSwitch() { }

    /** The language the switch chose for this browser, if its cookie names one exactly. */
    static Optional<Language> chosen(String cookieHeader) {
        String v = Sessions.cookieValue(cookieHeader, COOKIE);
        if (v == null) {
            return Optional.empty();
        }
        for (Language l : Language.values()) {
            if (l.tag().equals(v)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The switch's link to {@code to}, returning to {@code back}. */
    static String link(Language to, String back) {
        return PATH + "?to=" + Encode.forUriComponent(to.tag()) + "&back="
                + Encode.forUriComponent(back == null ? "" : back);
    }

    /**
     * Sets the cookie and goes back to the page: only to a path that is one of Web Config's own
     * pages (never a caller's URL); anything else, and an unknown language, leads to the home page
     * with nothing changed.
     */
    static Response answer(Request r, Predicate<String> isPage) {
        String back = r.param("back");
        String next = isPage.test(back) ? back : LoginPage.HOME;
        Optional<Language> to = Language.byTag(r.param("to")).filter(l -> l.tag().equals(r.param("to")));
        Response redirect = Response.redirect(next);
        return to.map(l -> redirect.withCookie(COOKIE + "=" + l.tag()
                + "; Path=/; Secure; HttpOnly; SameSite=Strict")).orElse(redirect);
    }
}
