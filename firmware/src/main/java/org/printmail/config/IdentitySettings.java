package org.printmail.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where and as whom the device signs in: the Microsoft identity platform v2.0 (or the lab
 * stand-in). Endpoints are derived, never hard-coded, so one code path serves production and lab.
 *
 * @param authorityBase e.g. {@code https://login.microsoftonline.com}
 * @param tenant        {@code organizations}, {@code consumers}, {@code common}, a tenant id or a domain
 * @param clientId      the public client's application id
 * @param scopes        e.g. {@code https://outlook.office.com/SMTP.Send}, {@code offline_access}
 * @param httpTimeout   connect and read timeout of every identity platform request
 */
public record IdentitySettings(URI authorityBase, String tenant, String clientId, List<String> scopes,
                               Duration httpTimeout) {
    public IdentitySettings {
        scopes = List.copyOf(scopes);
    }

    public URI deviceCodeEndpoint() { return endpoint("devicecode"); }

    public URI tokenEndpoint() { return endpoint("token"); }

    private URI endpoint(String name) {
        String base = authorityBase.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + tenant + "/oauth2/v2.0/" + name);
    }

    public IdentitySettings withAuthorityBase(URI base) {
        return new IdentitySettings(base, tenant, clientId, scopes, httpTimeout);
    }

    public IdentitySettings withTenant(String newTenant) {
        return new IdentitySettings(authorityBase, newTenant, clientId, scopes, httpTimeout);
    }
}
