package org.printmail.lab;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /{tenant}/oauth2/v2.0/devicecode}: starts a device authorization. */
final class DeviceCodeEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceCodeEndpoint.class);

    private final LabContext ctx;
    private final URI verificationUri;

    DeviceCodeEndpoint(LabContext ctx, URI verificationUri) {
        this.ctx = ctx;
        this.verificationUri = verificationUri;
    }

    void handle(HttpExchange ex, String tenant) throws IOException, HttpIo.BadRequest {
        if (!"POST".equals(ex.getRequestMethod())) {
            HttpIo.sendError(ex, AadError.POST_ONLY, ctx.clock);
            return;
        }
        Map<String, String> form = HttpIo.readForm(ex);
        ctx.countDeviceCodeRequest();
        Optional<LabFault> fault = ctx.faults.next(FaultPlan.Target.DEVICE_CODE);
        if (fault.isPresent() && FaultResponses.replaceResponse(ex, fault.get(), ctx.clock)) {
            return;
        }
        AadError refused = ctx.checkRequest(tenant, form, true);
        String scope = form.getOrDefault("scope", "");
        if (refused == null && scope.isBlank()) {
            refused = AadError.missingParameter("scope");
        }
        if (refused != null) {
            HttpIo.sendError(ex, refused, ctx.clock);
            return;
        }
        DeviceCodes.Issued issued = ctx.deviceCodes.issue(form.get("client_id"), tenant,
                LabGrants.split(scope));
        LOG.info("lab idp: device code issued, user code {}", issued.userCode());
        if (fault.isPresent() && fault.get().kind() == LabFault.Kind.CUT_AFTER_ROTATE) {
            FaultResponses.cut(ex);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_code", issued.userCode());
        body.put("device_code", issued.deviceCode());
        body.put("verification_uri", verificationUri.toString());
        body.put("expires_in", issued.expiresIn());
        body.put("interval", issued.interval());
        body.put("message", "To sign in, use a web browser to open the page " + verificationUri
                + " and enter the code " + issued.userCode() + " to authenticate.");
        HttpIo.sendJson(ex, 200, body);
    }
}
