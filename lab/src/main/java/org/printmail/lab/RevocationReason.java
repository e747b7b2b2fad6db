package org.printmail.lab;

/**
 * Why Microsoft refuses a refresh (or a device-code poll), with the {@code error} string and
 * AADSTS code it sends. Codes are from Microsoft's error-code reference; where the {@code error}
 * string is not documented the lab's choice is marked "unconfirmed" (see docs/lab.md).
 * Descriptions may name the client ({@code {client}}) and tenant ({@code {tenant}}).
 */
public enum RevocationReason {
    /** User changed or reset the password: every refresh token issued before is dead. */
    PASSWORD_CHANGED(50173, "invalid_grant", false, "The provided grant has expired due to it "
            + "being revoked, a fresh auth token is needed. The user might have changed or reset "
            + "their password."),
    /** An administrator revoked the user's sessions (same code as a password change). */
    ADMIN_REVOKED(50173, "invalid_grant", false, "The provided grant has expired due to it being "
            + "revoked, a fresh auth token is needed. The user might have changed or reset their "
            + "password."),
    /** Conditional Access sign-in frequency reached. */
    SIGN_IN_FREQUENCY(70043, "invalid_grant", false, "The refresh token has expired or is invalid "
            + "due to sign-in frequency checks by conditional access."),
    MFA_REQUIRED(50076, "invalid_grant", false, "Due to a configuration change made by your "
            + "administrator, or because you moved to a new location, you must use multi-factor "
            + "authentication to access 'https://outlook.office.com'."),
    MFA_ENROLLMENT(50079, "invalid_grant", false, "Due to a configuration change made by your "
            + "administrator, or because you moved to a new location, you must enroll in "
            + "multi-factor authentication to access 'https://outlook.office.com'."),
    CONSENT_REQUIRED(65001, "invalid_grant", false, "The user or administrator has not consented "
            + "to use the application with ID '{client}' named 'printmail device'. Send an "
            + "interactive authorization request for this user and resource."),
    ADMIN_CONSENT_REQUIRED(90094, "invalid_grant", false,
            "The grant requires admin permission."),
    BLOCKED_BY_CONDITIONAL_ACCESS(53003, "invalid_grant", false, "Access has been blocked by "
            + "Conditional Access policies. The access policy does not allow token issuance."),
    /** The {@code error} string is unconfirmed; invalid_grant chosen like the other blocks. */
    BLOCKED_BY_SECURITY_DEFAULTS(530035, "invalid_grant", false, "Access has been blocked by "
            + "security defaults. This is due to the request using legacy auth or being deemed "
            + "unsafe by security defaults policies."),
    /** "Allow public client flows" is off: the token endpoint demands a secret (HTTP 401). */
    PUBLIC_CLIENT_FLOWS_DISABLED(7000218, "invalid_client", false, "The request body must contain "
            + "the following parameter: 'client_assertion' or 'client_secret'."),
    APP_NOT_FOUND(700016, "unauthorized_client", true, "Application with identifier '{client}' was "
            + "not found in the directory '{tenant}'. This can happen if the application has not "
            + "been installed by the administrator of the tenant or consented to by any user in "
            + "the tenant. You may have sent your authentication request to the wrong tenant."),
    TENANT_NOT_FOUND(90002, "invalid_request", true, "Tenant '{tenant}' not found. Check to make "
            + "sure you have the correct tenant ID and are signing into the correct cloud. Check "
            + "with your subscription administrator, this may happen if there are no active "
            + "subscriptions for the tenant."),
    /** The {@code error} string is unconfirmed (invalid_request chosen). */
    SINGLE_TENANT_APP_ON_COMMON(50194, "invalid_request", true, "Application '{client}'(printmail "
            + "device) is not configured as a multi-tenant application. Usage of the /common "
            + "endpoint is not supported for such applications created after '10/15/2018'. Use a "
            + "tenant-specific endpoint or configure the application to be multi-tenant."),
    /** The {@code error} string is unconfirmed (invalid_request chosen). */
    ENTRA_APP_ON_CONSUMERS(9002332, "invalid_request", true, "Application '{client}'(printmail "
            + "device) is configured for use by Microsoft Entra users only. Please do not use the "
            + "/consumers endpoint to serve this request."),
    /** A public client presented a secret (HTTP 401). */
    CLIENT_SECRET_SENT(700025, "invalid_client", true, "Client is public so neither "
            + "'client_assertion' nor 'client_secret' should be presented.");

    private final int aadstsCode;
    private final String error;
    private final boolean requestLevel;
    private final String description;

    RevocationReason(int aadstsCode, String error, boolean requestLevel, String description) {
        this.aadstsCode = aadstsCode;
        this.error = error;
        this.requestLevel = requestLevel;
        this.description = description;
    }

    /** The AADSTS number, e.g. 50173. */
    public int aadstsCode() { return aadstsCode; }

    /** The OAuth {@code error} string sent with it. */
    public String error() { return error; }

    /** HTTP status: 401 for {@code invalid_client} (as Microsoft does), otherwise 400. */
    public int httpStatus() { return "invalid_client".equals(error) ? 401 : 400; }

    /**
     * True when the reason is about the request itself (app, tenant, secret), so it already fails
     * the devicecode request; otherwise it shows when a user's sign-in or grant is evaluated.
     */
    public boolean requestLevel() { return requestLevel; }

    String description(String clientId, String tenant) {
        return description.replace("{client}", clientId).replace("{tenant}", tenant);
    }

    AadError toError(String clientId, String tenant) {
        return new AadError(httpStatus(), error, aadstsCode, description(clientId, tenant));
    }
}
