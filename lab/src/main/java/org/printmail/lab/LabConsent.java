package org.printmail.lab;

import java.util.HashSet;
import java.util.Set;

/**
 * Consent to the lab app in the lab tenant. Default policy: users may not consent themselves, so
 * a non-admin can sign in only after an administrator consented for the organization (the
 * common tenant setting for SMTP.Send); {@link #usersMayConsent} switches to user consent.
 */
final class LabConsent {
    private boolean organizationConsent;
    private boolean usersMayConsent;
    private final Set<String> userConsents = new HashSet<>();

    synchronized boolean hasConsent(String upn) {
        return organizationConsent || userConsents.contains(LabUsers.key(upn));
    }

    /** Whether this user is allowed to consent at all (admins always, others by policy). */
    synchronized boolean mayConsent(LabUsers.User user) {
        return user.admin() || usersMayConsent;
    }

    /** Records the user's consent; an admin ticking "on behalf of your organization" grants it for all. */
    synchronized void consent(LabUsers.User user, boolean onBehalfOfOrganization) {
        if (user.admin() && onBehalfOfOrganization) {
            organizationConsent = true;
        }
        userConsents.add(LabUsers.key(user.upn()));
    }

    synchronized boolean organizationConsent() { return organizationConsent; }

    synchronized void setOrganizationConsent(boolean granted) { organizationConsent = granted; }

    synchronized void setUsersMayConsent(boolean allowed) { usersMayConsent = allowed; }

    synchronized void reset() {
        organizationConsent = false;
        usersMayConsent = false;
        userConsents.clear();
    }
}
