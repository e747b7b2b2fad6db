package org.printmail.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Tokens from one successful token response. Holds secrets: {@link #toString()} redacts them.
 *
 * @param refreshToken empty when the response omitted it (the old one is then kept)
 * @param accountName  the id_token's account name, when an id_token came back
 */
record TokenGrant(String accessToken, Duration expiresIn, Optional<String> refreshToken,
                  Optional<String> accountName) {
    @Override
    public String toString() {
        return "TokenGrant[accessToken=<redacted>, expiresIn=" + expiresIn + ", refreshToken="
                + (refreshToken.isPresent() ? "<redacted>" : "<omitted>") + ", account="
                + accountName.orElse("") + "]";
    }
}
