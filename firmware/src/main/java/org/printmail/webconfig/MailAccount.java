package org.printmail.webconfig;

import java.util.function.BiFunction;
import java.util.function.Function;

import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailServerSettings;
import org.printmail.auth.AccountId;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * The two accounts that have their own Email Server page: the device's mailbox and the fax
 * server's. Each has its own settings, sign-in, connection test and banners.
 */
enum MailAccount {
    DEVICE(AccountId.deviceMail(), "/network/email-server", "Network", "Email Server", "Basic",
            "Email Server",
            DeviceSettings::deviceMail, DeviceSettings::withDeviceMail),
    FAX(AccountId.faxServer(), "/fax/email-server", "Fax", "Fax Server", "Email Server Settings",
            "Fax Server",
            DeviceSettings::faxServer, DeviceSettings::withFaxServer);

    private final AccountId id;
    private final String base;
    private final String menu;
    private final String section;
    private final String page;
    private final String fieldPrefix;
    private final Function<DeviceSettings, EmailServerSettings> get;
    private final BiFunction<DeviceSettings, EmailServerSettings, DeviceSettings> with;

    MailAccount(AccountId id, String base, String menu, String section, String page,
            String fieldPrefix,
                Function<DeviceSettings, EmailServerSettings> get,
                BiFunction<DeviceSettings, EmailServerSettings, DeviceSettings> with) {
        this.id = id;
        this.base = base;
        this.menu = menu;
        this.section = section;
        this.page = page;
        this.fieldPrefix = fieldPrefix;
        this.get = get;
        this.with = with;
    }

    AccountId id() { return id; }

    /** The Basic page; the sign-in and connection test pages hang below it. */
    String path() { return base; }

    String signInPath() { return base + "/sign-in"; }

    String connectionTestPath() { return base + "/connection-test"; }

    /** The Sign Out confirmation page (GET) and action (POST). */
    String signOutPath() { return base + "/sign-in/sign-out"; }

    /** e.g. "Network > Email Server", the menu the Basic and Connection Test pages sit in. */
    String section() { return menu + " > " + section; }

    /** e.g. "Network > Email Server > Basic". */
    String title() { return menu + " > " + section + " > " + page; }

    /** The page title as a catalogue text: "Network > Email Server > Basic" in English. */
    Text titleText() {
        return Text.of(this == DEVICE ? "common.menu.emailServerBasic" : "common.menu.faxServer");
    }

    /** The menu section as a catalogue text: "Network > Email Server" in English. */
    Text sectionText() { return Text.of("webconfig.account." + key() + ".section"); }

    String title(Messages m) { return m.render(titleText()); }

    String section(Messages m) { return m.render(sectionText()); }

    private String key() { return name().toLowerCase(java.util.Locale.ROOT); }

    /**
     * A remedy in the reader's language, naming this account's pages: the codes' remedies name
     * the device mailbox's (Network > Email Server), which are the wrong pages for the fax
     * server.
     */
    String remedy(Messages m, Text remedy) {
        String text = m.render(remedy);
        if (this != FAX) {
            return text;
        }
        return text.replace(DEVICE.title(m), title(m)).replace(DEVICE.section(m), section(m))
                .replace(DEVICE.title(), title()).replace("Network > Email Server", section());
    }

    /** How {@link DeviceSettings#validate()} prefixes this account's field names. */
    String fieldPrefix() { return fieldPrefix; }

    /** {@link #fieldPrefix()} in any language ({@code config.page.*}). */
    Text fieldPrefixText() {
        return Text.of(this == DEVICE ? "config.page.emailServer" : "config.page.faxServer");
    }

    EmailServerSettings settings(DeviceSettings s) { return get.apply(s); }

    DeviceSettings with(DeviceSettings s, EmailServerSettings e) { return with.apply(s, e); }

    /**
     * A remedy as this account's admin should read it: the codes' remedies name the device
     * mailbox's page (Network > Email Server), which is the wrong page for the fax server.
     */
    String remedy(String remedy) {
        if (this != FAX) {
            return remedy;
        }
        return remedy.replace(DEVICE.title(), title())
                .replace("Network > Email Server", section());
    }

    static MailAccount of(AccountId id) {
        for (MailAccount a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no Email Server page for " + id);
    }
}
