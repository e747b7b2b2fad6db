package org.printmail.lab;

/** Lets the lab mail server accept only access tokens the lab identity platform issued. */
@FunctionalInterface
public interface AccessTokenValidator {
    /** True when the token was issued for this user and has not expired or been revoked. */
    boolean isValid(String user, String accessToken);
}
