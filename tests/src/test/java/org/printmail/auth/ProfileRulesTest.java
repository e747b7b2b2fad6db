package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.printmail.config.ConfigException;
import org.printmail.config.DeviceProfile;
import org.printmail.config.IdentitySettings;
import org.printmail.config.ProfileLoader;

/** The shipped profiles pass; a wrong tenant, scope or client id is named before any request. */
class ProfileRulesTest {
    private static DeviceProfile load(String name) { return ProfileLoader.load(LabRig.ROOT, name); }

    @Test
    void theShippedProfilesAreValid() {
        for (String name : List.of("exchange-online", "outlook-com", "lab")) {
            assertDoesNotThrow(() -> ProfileRules.check(load(name)), name);
        }
        assertEquals("organizations", load("exchange-online").identity().tenant());
        assertEquals("consumers", load("outlook-com").identity().tenant());
    }

    @Test
    void exchangeOnlineAcceptsATenantIdOrDomainButNotConsumers() {
        DeviceProfile p = load("exchange-online");
        assertDoesNotThrow(() -> ProfileRules.check(p.withIdentity(p.identity().withTenant("contoso.com"))));
        assertDoesNotThrow(() -> ProfileRules.check(p.withIdentity(
                p.identity().withTenant("a1ab0000-7e57-4e57-8000-00000000c0de"))));
        ConfigException e = assertThrows(ConfigException.class,
                () -> ProfileRules.check(p.withIdentity(p.identity().withTenant("consumers"))));
        assertEquals("auth.tenant", e.field());
    }

    @Test
    void outlookComMustUseConsumers() {
        DeviceProfile p = load("outlook-com");
        assertEquals("auth.tenant", assertThrows(ConfigException.class, () -> ProfileRules.check(
                p.withIdentity(p.identity().withTenant("organizations")))).field());
    }

    @Test
    void aGraphScopeOrMissingOfflineAccessIsRefused() {
        DeviceProfile p = load("exchange-online");
        IdentitySettings i = p.identity();
        ConfigException graph = assertThrows(ConfigException.class, () -> ProfileRules.check(p.withIdentity(
                new IdentitySettings(i.authorityBase(), i.tenant(), i.clientId(),
                        List.of("SMTP.Send", "offline_access"), i.httpTimeout()))));
        assertTrue(graph.detail().contains("https://outlook.office.com/SMTP.Send"), graph.detail());
        assertEquals("auth.scopes", assertThrows(ConfigException.class, () -> ProfileRules.check(
                p.withIdentity(new IdentitySettings(i.authorityBase(), i.tenant(), i.clientId(),
                        List.of("https://outlook.office.com/SMTP.Send"), i.httpTimeout())))).field());
    }

    @Test
    void theClientIdMustBeAGuid() {
        DeviceProfile p = load("lab");
        IdentitySettings i = p.identity();
        assertEquals("auth.client-id", assertThrows(ConfigException.class, () -> ProfileRules.check(
                p.withIdentity(new IdentitySettings(i.authorityBase(), i.tenant(), "printer-app",
                        i.scopes(), i.httpTimeout())))).field());
    }

    @Test
    void signInAsksForAnIdTokenSoTheAccountIsNamed() {
        assertEquals(List.of("https://outlook.office.com/SMTP.Send", "offline_access", "openid", "profile"),
                ProfileRules.signInScopes(load("lab"), true));
        assertEquals(List.of("https://outlook.office.com/SMTP.Send", "offline_access"),
                ProfileRules.signInScopes(load("lab"), false));
    }
}
