package org.printmail.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One firmware profile ({@code firmware-config/NAME.properties}): which email service, how to
 * sign in, which SMTP server, and which extra CA certificates to trust.
 *
 * @param trustedCa an extra PEM/DER CA bundle trusted besides the JDK's CAs (the lab's test CA)
 */
public record DeviceProfile(String name, EmailService service, IdentitySettings identity,
                            MailServerSettings mail, Optional<Path> trustedCa) {
    public DeviceProfile withIdentity(IdentitySettings newIdentity) {
        return new DeviceProfile(name, service, newIdentity, mail, trustedCa);
    }

    public DeviceProfile withMail(MailServerSettings newMail) {
        return new DeviceProfile(name, service, identity, newMail, trustedCa);
    }
}
