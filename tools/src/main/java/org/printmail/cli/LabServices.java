package org.printmail.cli;

import java.nio.file.Path;
import java.time.Clock;

import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.ProfileLoader;
import org.printmail.config.SettingsStore;
import org.printmail.lab.LabGraphService;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabIdentityPlatform;
import org.printmail.lab.LabMailServer;

/**
 * The lab: the identity platform and mail server stand-ins on loopback, and the {@code lab}
 * profile pointed at the ports they bound.
 */
public final class LabServices implements AutoCloseable {
    public static final String KEYSTORE_PASSWORD = "test-only";

    private final LabIdentityPlatform identity;
    private final LabMailServer mail;
    private final LabGraphService graph;
    private final DeviceProfile profile;

    private LabServices(LabIdentityPlatform identity, LabMailServer mail, LabGraphService graph,
                        DeviceProfile profile) {
        this.identity = identity;
        this.mail = mail;
        this.graph = graph;
        this.profile = profile;
    }

    /** Starts both services on the given ports (0 = ephemeral). */
    public static LabServices start(Path root, Clock clock, int identityPort, int smtpPort) {
        return start(root, LabIdentityOptions.defaults(root, clock).withPort(identityPort), smtpPort, clock);
    }

    public static LabServices start(Path root, LabIdentityOptions identityOptions, int smtpPort, Clock clock) {
        LabIdentityPlatform identity = LabIdentityPlatform.start(identityOptions);
        LabMailServer mail;
        try {
            mail = LabMailServer.start(root.resolve("test-fixtures/tls/localhost.p12"), KEYSTORE_PASSWORD,
                    smtpPort, identity, clock);
        } catch (RuntimeException e) {
            identity.close();
            throw e;
        }
        LabGraphService graph;
        try {
            graph = LabGraphService.start(root.resolve("test-fixtures/tls/localhost.p12"), KEYSTORE_PASSWORD,
                    0, identity::tokenOwner, mail, clock);
        } catch (RuntimeException e) {
            mail.close();
            identity.close();
            throw e;
        }
        DeviceProfile lab = ProfileLoader.load(root, "lab");
        lab = lab.withIdentity(lab.identity().withAuthorityBase(identity.authorityBase()))
                .withMail(lab.mail().withPort(mail.port()))
                .withGraph(lab.graph().withEndpoint(graph.endpoint()));
        return new LabServices(identity, mail, graph, lab);
    }

    /**
     * Points the accounts a data folder keeps on the lab profile at this run's mail server: the
     * lab binds free ports, so a folder from an earlier run names another port.
     */
    public void retarget(SettingsStore settings) {
        String host = profile.mail().host();
        settings.update(s -> s.withDeviceMail(retarget(s.deviceMail(), host))
                .withFaxServer(retarget(s.faxServer(), host)));
    }

    private EmailServerSettings retarget(EmailServerSettings account, String host) {
        boolean onLab = profile.name().equals(account.profile()) && host.equals(account.mail().host());
        return onLab ? account.withMail(account.mail().withPort(mail.port())) : account;
    }

    public LabIdentityPlatform identity() { return identity; }

    public LabMailServer mail() { return mail; }

    /** The Microsoft Graph stand-in (its sends land in {@link #mail()}). */
    public LabGraphService graph() { return graph; }

    /** The {@code lab} profile with the bound ports. */
    public DeviceProfile profile() { return profile; }

    @Override
    public void close() {
        graph.close();
        mail.close();
        identity.close();
    }
}
