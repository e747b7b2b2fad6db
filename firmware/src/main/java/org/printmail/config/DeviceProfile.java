package org.printmail.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One firmware profile ({@code firmware-config/NAME.properties}): which email service, how to
 * sign in, which SMTP server, where Microsoft Graph is, and which extra CA certificates to trust.
 *
 * @param trustedCa an extra PEM/DER CA bundle trusted besides the JDK's CAs (the lab's test CA)
 * @param graph     the Graph transport's endpoint and sign-in scopes
 * @param transport the transport a first boot starts with ({@code mail.transport})
 */
public record DeviceProfile(String name, EmailService service, IdentitySettings identity,
                            MailServerSettings mail, Optional<Path> trustedCa, GraphSettings graph,
                            MailTransport transport) {
    public DeviceProfile {
        graph = graph == null ? GraphSettings.microsoft() : graph;
        transport = transport == null ? MailTransport.SMTP_XOAUTH2 : transport;
    }

    /** A profile with Microsoft's Graph endpoint, starting on SMTP. */
    public DeviceProfile(String name, EmailService service, IdentitySettings identity,
                         MailServerSettings mail, Optional<Path> trustedCa) {
        this(name, service, identity, mail, trustedCa, GraphSettings.microsoft(), MailTransport.SMTP_XOAUTH2);
    }

    public DeviceProfile withIdentity(IdentitySettings newIdentity) {
        return new DeviceProfile(name, service, newIdentity, mail, trustedCa, graph, transport);
    }

    public DeviceProfile withMail(MailServerSettings newMail) {
        return new DeviceProfile(name, service, identity, newMail, trustedCa, graph, transport);
    }

    public DeviceProfile withGraph(GraphSettings newGraph) {
        return new DeviceProfile(name, service, identity, mail, trustedCa, newGraph, transport);
    }

    /**
     * The profile as an account with this transport signs in: for Graph the sign-in asks for the
     * Graph scopes instead of SMTP.Send (an SMTP token is refused by Graph and vice versa).
     */
    public DeviceProfile forTransport(MailTransport transport) {
        if (transport != MailTransport.MICROSOFT_GRAPH) {
            return this;
        }
        return withIdentity(new IdentitySettings(identity.authorityBase(), identity.tenant(),
                identity.clientId(), graph.scopes(), identity.httpTimeout()));
    }
}
