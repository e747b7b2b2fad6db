package org.printmail.lab;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Everything one lab identity platform knows, shared by its endpoints. */
final class LabContext {
    /** Tenants Microsoft always knows, plus the lab tenant's domain and id. */
    private static final List<String> DEFAULT_TENANTS = List.of("organizations", "common",
            "consumers", LabUsers.TENANT_DOMAIN, LabUsers.TENANT_ID);

    final LabIdentityOptions options;
    final Clock clock;
    final LabUsers users = new LabUsers();
    final LabConsent consent = new LabConsent();
    final DeviceCodes deviceCodes;
    final LabGrants grants;
    final FaultPlan faults = new FaultPlan();
    private final Set<String> tenants = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();
    private final AtomicInteger deviceCodeRequests = new AtomicInteger();
    private volatile RevocationReason deviceFlowFailure;

    LabContext(LabIdentityOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.deviceCodes = new DeviceCodes(options);
        this.grants = new LabGrants(options);
        DEFAULT_TENANTS.forEach(this::addTenant);
    }

    void addTenant(String tenant) { tenants.add(tenant.toLowerCase(Locale.ROOT)); }

    boolean knowsTenant(String tenant) { return tenants.contains(tenant.toLowerCase(Locale.ROOT)); }

    /**
     * Checks Microsoft makes before looking at the grant: the tenant exists, a public client sent
     * no secret, the app exists; for device-code requests also an injected request-level failure.
     */
    AadError checkRequest(String tenant, Map<String, String> form, boolean deviceFlow) {
        String clientId = form.getOrDefault("client_id", "");
        if (!knowsTenant(tenant)) {
            return RevocationReason.TENANT_NOT_FOUND.toError(clientId, tenant);
        }
        if (form.containsKey("client_secret") || form.containsKey("client_assertion")) {
            return RevocationReason.CLIENT_SECRET_SENT.toError(clientId, tenant);
        }
        if (clientId.isEmpty()) {
            return AadError.missingParameter("client_id");
        }
        if (!clientId.equals(options.clientId())) {
            return RevocationReason.APP_NOT_FOUND.toError(clientId, tenant);
        }
        RevocationReason failure = deviceFlowFailure;
        if (deviceFlow && failure != null && failure.requestLevel()) {
            return failure.toError(clientId, tenant);
        }
        return null;
    }

    /** An injected failure that shows once a user signs in (not about the request itself). */
    RevocationReason signInFailure() {
        RevocationReason failure = deviceFlowFailure;
        return failure == null || failure.requestLevel() ? null : failure;
    }

    void failDeviceCodeFlow(RevocationReason reason) { deviceFlowFailure = reason; }

    /**
     * Completes a sign-in for a pending user code, applying policy and consent; returns the
     * reason the device will be refused, or null when its next poll gets tokens. An admin who
     * consents on behalf of the organization grants consent for every user.
     */
    RevocationReason completeSignIn(String userCode, LabUsers.User user, boolean forOrganization) {
        RevocationReason refused = signInFailure();
        if (refused == null && !consent.hasConsent(user.upn()) && !consent.mayConsent(user)) {
            refused = RevocationReason.CONSENT_REQUIRED;
        }
        if (refused != null) {
            deviceCodes.fail(userCode, refused);
            return refused;
        }
        if (!consent.hasConsent(user.upn()) || forOrganization) {
            consent.consent(user, forOrganization);
        }
        deviceCodes.approve(userCode, user.upn());
        return null;
    }

    void countTokenRequest(String grantType) {
        tokenRequests.computeIfAbsent(grantType == null ? "" : grantType,
                g -> new AtomicInteger()).incrementAndGet();
    }

    int tokenRequests(String grantType) {
        AtomicInteger n = tokenRequests.get(grantType);
        return n == null ? 0 : n.get();
    }

    Map<String, Integer> tokenRequestCounts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        tokenRequests.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    void countDeviceCodeRequest() { deviceCodeRequests.incrementAndGet(); }

    int deviceCodeRequests() { return deviceCodeRequests.get(); }

    void reset() {
        deviceCodes.reset();
        grants.reset();
        faults.clear();
        consent.reset();
        tokenRequests.clear();
        deviceCodeRequests.set(0);
        deviceFlowFailure = null;
    }
}
