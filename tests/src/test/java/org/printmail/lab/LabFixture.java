package org.printmail.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

/** One started lab platform with an adjustable clock and a client, for a single test. */
final class LabFixture implements AutoCloseable {
    final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    final LabIdentityPlatform lab;
    final LabClient client;

    LabFixture() { this(o -> o); }

    LabFixture(UnaryOperator<LabIdentityOptions> tweak) {
        lab = LabIdentityPlatform.start(
                tweak.apply(LabIdentityOptions.defaults(LabClient.ROOT, clock)));
        client = new LabClient(lab.authorityBase());
    }

    /** Runs a device-code flow approved by this user; returns the token response JSON. */
    JsonNode signIn(String upn) throws IOException {
        JsonNode code = client.deviceCode("organizations");
        lab.approve(code.get("user_code").asText(), upn);
        HttpResponse<String> r = client.poll(code.get("device_code").asText());
        if (r.statusCode() != 200) {
            throw new AssertionError("poll answered " + r.statusCode() + ": " + r.body());
        }
        return LabClient.json(r);
    }

    @Override
    public void close() { lab.close(); }
}
