package org.printmail.config;

/**
 * What Network > Email Server > Basic (or Fax > Fax Server > Email Server Settings) holds for one
 * account: method, service, the From address, and the SMTP server.
 *
 * @param profile        the firmware profile the service maps to ({@code exchange-online}, {@code outlook-com}, {@code lab})
 * @param senderAddress  Sender's Email Address; empty means "the signed-in account"
 * @param tenant         tenant override for Exchange Online (a tenant id or domain), empty for the profile's
 */
public record EmailServerSettings(AuthMethod authMethod, EmailService service, String profile,
                                  String senderAddress, String tenant, MailServerSettings mail) {
    public EmailServerSettings withSenderAddress(String sender) {
        return new EmailServerSettings(authMethod, service, profile, sender, tenant, mail);
    }

    public EmailServerSettings withMail(MailServerSettings newMail) {
        return new EmailServerSettings(authMethod, service, profile, senderAddress, tenant, newMail);
    }
}
