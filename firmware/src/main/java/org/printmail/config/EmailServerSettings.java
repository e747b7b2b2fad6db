package org.printmail.config;

/**
 * What Network > Email Server > Basic (or Fax > Fax Server > Email Server Settings) holds for one
 * account: method, service, the From address, the SMTP server and the transport.
 *
 * @param profile        the firmware profile the service maps to ({@code exchange-online}, {@code outlook-com}, {@code lab})
 * @param senderAddress  Sender's Email Address; empty means "the signed-in account"
 * @param tenant         tenant override for Exchange Online (a tenant id or domain), empty for the profile's
 * @param transport      SMTP AUTH (XOAUTH2) or Microsoft Graph; settings saved before it existed read as SMTP
 */
public record EmailServerSettings(AuthMethod authMethod, EmailService service, String profile,
                                  String senderAddress, String tenant, MailServerSettings mail,
                                  MailTransport transport) {
    public EmailServerSettings {
        transport = transport == null ? MailTransport.SMTP_XOAUTH2 : transport;
    }

    /** Settings that send over SMTP AUTH (XOAUTH2). */
    public EmailServerSettings(AuthMethod authMethod, EmailService service, String profile,
                               String senderAddress, String tenant, MailServerSettings mail) {
        this(authMethod, service, profile, senderAddress, tenant, mail, MailTransport.SMTP_XOAUTH2);
    }

    public EmailServerSettings withSenderAddress(String sender) {
        return new EmailServerSettings(authMethod, service, profile, sender, tenant, mail, transport);
    }

    public EmailServerSettings withMail(MailServerSettings newMail) {
        return new EmailServerSettings(authMethod, service, profile, senderAddress, tenant, newMail,
                transport);
    }

    public EmailServerSettings withTransport(MailTransport newTransport) {
        return new EmailServerSettings(authMethod, service, profile, senderAddress, tenant, mail,
                newTransport);
    }
}
