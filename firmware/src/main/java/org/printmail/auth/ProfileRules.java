package org.printmail.auth;

import java.util.List;
import java.util.Locale;

import org.printmail.config.ConfigException;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailService;
import org.printmail.config.IdentitySettings;
import org.printmail.i18n.Text;

/**
 * What each email service needs from the identity settings, checked before a sign-in starts so a
 * wrong tenant or scope is named at once instead of surfacing as an opaque AADSTS error or 535.
 * Exchange Online: organizations, a tenant id or a domain. Outlook.com: consumers. Lab: as given.
 */
final class ProfileRules {
    static final String SMTP_SCOPE = "https://outlook.office.com/SMTP.Send";
    static final String GRAPH_MAIL_SEND = "https://graph.microsoft.com/Mail.Send";
    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private ProfileRules() { }

    static void check(DeviceProfile profile) {
        IdentitySettings id = profile.identity();
        if (id.clientId() == null || !id.clientId().matches(GUID)) {
            throw new ConfigException(Text.literal("auth.client-id"), Text.of("auth.profile.clientId"));
        }
        List<String> scopes = id.scopes();
        if (!scopes.contains("offline_access")) {
            throw new ConfigException(Text.literal("auth.scopes"), Text.of("auth.profile.offlineAccess", "offline_access"));
        }
        String tenant = id.tenant().toLowerCase(Locale.ROOT);
        if (profile.service() == EmailService.LAB) {
            return;
        }
        if (!scopes.contains(SMTP_SCOPE) && !scopes.contains(GRAPH_MAIL_SEND)) {
            throw new ConfigException(Text.literal("auth.scopes"),
                    Text.of("auth.profile.sendScope", SMTP_SCOPE, GRAPH_MAIL_SEND));
        }
        if (profile.service() == EmailService.EXCHANGE_ONLINE && tenant.equals("consumers")) {
            throw new ConfigException(Text.literal("auth.tenant"), Text.of("auth.profile.exchangeTenant",
                    "organizations", "consumers"));
        }
        if (profile.service() == EmailService.OUTLOOK_COM
                && !(tenant.equals("consumers") || tenant.equals("common"))) {
            throw new ConfigException(Text.literal("auth.tenant"),
                    Text.of("auth.profile.outlookTenant", id.tenant(), "consumers"));
        }
    }

    /**
     * The scopes a refresh asks for: those of the sign-in, unless the account's transport changed
     * since (SMTP to Graph or back). Refresh tokens are not tied to a resource, so the platform
     * then issues a token for the new one where consent exists, and answers 65001 (sign in again
     * and accept) where it does not; the device is never left holding a token for the wrong one.
     */
    static List<String> refreshScopes(List<String> granted, DeviceProfile profile) {
        List<String> wanted = profile.identity().scopes();
        return granted.containsAll(wanted) ? granted : wanted;
    }

    /** The profile's scopes, plus {@code openid profile} when the account name is wanted. */
    static List<String> signInScopes(DeviceProfile profile, boolean requestIdToken) {
        List<String> scopes = new java.util.ArrayList<>(profile.identity().scopes());
        if (requestIdToken) {
            for (String s : List.of("openid", "profile")) {
                if (!scopes.contains(s)) {
                    scopes.add(s);
                }
            }
        }
        return scopes;
    }
}
