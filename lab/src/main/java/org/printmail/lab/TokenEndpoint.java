package org.printmail.lab;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /{tenant}/oauth2/v2.0/token}: device-code polling and refresh. */
final class TokenEndpoint {
    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String REFRESH_GRANT = "refresh_token";
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);

    private final LabContext ctx;

    TokenEndpoint(LabContext ctx) { this.ctx = ctx; }

    void handle(HttpExchange ex, String tenant) throws IOException, HttpIo.BadRequest {
        if (!"POST".equals(ex.getRequestMethod())) {
            HttpIo.sendError(ex, AadError.POST_ONLY, ctx.clock);
            return;
        }
        Map<String, String> form = HttpIo.readForm(ex);
        String grantType = form.get("grant_type");
        ctx.countTokenRequest(grantType);
        Optional<LabFault> fault = ctx.faults.next(FaultPlan.Target.TOKEN);
        if (fault.isPresent() && FaultResponses.replaceResponse(ex, fault.get(), ctx.clock)) {
            return;
        }
        AadError refused = ctx.checkRequest(tenant, form, DEVICE_CODE_GRANT.equals(grantType));
        if (refused == null && grantType == null) {
            refused = AadError.missingParameter("grant_type");
        }
        if (refused != null) {
            HttpIo.sendError(ex, refused, ctx.clock);
            return;
        }
        String clientId = form.get("client_id");
        LabGrants.Issued issued;
        if (DEVICE_CODE_GRANT.equals(grantType)) {
            String deviceCode = form.get("device_code");
            if (deviceCode == null || deviceCode.isEmpty()) {
                HttpIo.sendError(ex, AadError.missingParameter("device_code"), ctx.clock);
                return;
            }
            DeviceCodes.Poll poll = ctx.deviceCodes.poll(deviceCode, clientId,
                    ctx.signInFailure());
            if (poll.error() != null) {
                HttpIo.sendError(ex, poll.error(), ctx.clock);
                return;
            }
            issued = ctx.grants.issue(poll.redeemed().upn(), clientId, poll.redeemed().scopes());
            LOG.info("lab idp: device code redeemed for {}", poll.redeemed().upn());
        } else if (REFRESH_GRANT.equals(grantType)) {
            String token = form.get("refresh_token");
            if (token == null || token.isEmpty()) {
                HttpIo.sendError(ex, AadError.missingParameter("refresh_token"), ctx.clock);
                return;
            }
            LabGrants.Refresh refresh = ctx.grants.refresh(token, clientId, form.get("scope"));
            if (refresh.error() != null) {
                HttpIo.sendError(ex, refresh.error(), ctx.clock);
                return;
            }
            issued = refresh.tokens();
        } else {
            HttpIo.sendError(ex, AadError.unsupportedGrant(grantType), ctx.clock);
            return;
        }
        LabFault.Kind after = fault.map(LabFault::kind).orElse(null);
        if (after == LabFault.Kind.CUT_AFTER_ROTATE) {
            FaultResponses.cut(ex);
            return;
        }
        HttpIo.sendJson(ex, 200, body(issued, after != LabFault.Kind.OMIT_REFRESH_TOKEN));
    }

    private static Map<String, Object> body(LabGrants.Issued issued, boolean withRefreshToken) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token_type", "Bearer");
        m.put("scope", issued.scope());
        m.put("expires_in", issued.expiresIn());
        m.put("ext_expires_in", issued.expiresIn());
        m.put("access_token", issued.accessToken());
        if (withRefreshToken && issued.refreshToken() != null) {
            m.put("refresh_token", issued.refreshToken());
        }
        if (issued.idToken() != null) {
            m.put("id_token", issued.idToken());
        }
        return m;
    }
}
