package org.printmail.lab;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

/**
 * The lab's id_token: Microsoft's v2.0 claim names ({@code preferred_username}, {@code oid},
 * {@code tid}, {@code ver}), but unsigned ({@code alg: none}). The device reads the account name
 * from an id_token it received directly over TLS and does not check a signature, so a signature
 * here would prove nothing; Microsoft's tokens are RS256-signed.
 */
final class LabIdToken {
    static final String LAB_TENANT_ID = "11111111-2222-3333-4444-0000000000ab";

    private LabIdToken() { }

    static String create(String upn, String clientId, Instant now) {
        String oid = UUID.nameUUIDFromBytes(upn.toLowerCase().getBytes(StandardCharsets.UTF_8)).toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://login.microsoftonline.com/" + LAB_TENANT_ID + "/v2.0")
                .audience(clientId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .subject(oid)
                .claim("preferred_username", upn)
                .claim("name", upn.substring(0, upn.indexOf('@') < 0 ? upn.length() : upn.indexOf('@')))
                .claim("oid", oid)
                .claim("tid", LAB_TENANT_ID)
                .claim("ver", "2.0")
                .build();
        return new PlainJWT(claims).serialize();
    }
}
