package org.printmail.graph;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.i18n.Text;
import org.printmail.smtp.ConnectionTestStep;
import org.printmail.smtp.SmtpAccount;

/**
 * Web Config's Connection Test for the Graph transport: DNS, TLS (with the device's trust),
 * token, and a permission check that sends nothing ({@code GET /me/mailFolders/drafts}, which
 * the Mail.ReadWrite permission for drafts and upload sessions allows). Stops at the first
 * failed step; each failure carries its code and remedy.
 */
final class GraphConnectionTester {
    private static final Text DNS = Text.of("smtp.step.protocol", "DNS");
    private static final Text TLS = Text.of("smtp.step.tls");
    private static final Text TOKEN = Text.of("smtp.step.token");
    private static final Text PERMISSION = Text.of("graph.step.permission");

    private final GraphClient client;
    private final SmtpAccount account;
    private final List<ConnectionTestStep> steps = new ArrayList<>();

    GraphConnectionTester(GraphClient client, SmtpAccount account) {
        this.client = client;
        this.account = account;
    }

    List<ConnectionTestStep> run() {
        GraphMailSender.GraphSettingsView g = new GraphMailSender.GraphSettingsView(account);
        URI drafts = g.uri("/me/mailFolders/drafts?$select=id");
        String host = drafts.getHost();
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            pass(DNS, Text.of("graph.test.resolved", host, all[0].getHostAddress()));
        } catch (UnknownHostException e) {
            return fail(DNS, JobCode.SERVER_UNREACHABLE, Text.of("smtp.cannotResolve", host));
        }
        GraphClient.Bearer bearer = new GraphClient.Bearer(account.tokens());
        GraphReply anonymous;
        try {
            // Without a token: proves the TCP connection and the TLS certificate (a 401 is expected).
            anonymous = client.exchange("GET", drafts, null, null, null, g.timeout(), Text.of("graph.what.checkingTls"));
            pass(TLS, Text.of("graph.test.tls", host + ":" + port(drafts), anonymous.status()));
        } catch (GraphFailure f) {
            return fail(TLS, f.code(), f.detailText());
        }
        try {
            bearer.token();
            pass(TOKEN, Text.of("graph.test.token", account.username()));
        } catch (PrintmailException e) {
            return fail(TOKEN, e.code(), e.detailText());
        }
        try {
            GraphReply r = client.call("GET", drafts, null, null, bearer, g.timeout(), Text.of("graph.what.checkingPermissions"));
            if (!r.ok()) {
                GraphFailure f = GraphErrors.fromReply(r, Text.of("graph.what.permissionCheck"));
                return fail(PERMISSION, f.code(), f.detailText());
            }
            pass(PERMISSION, Text.of("graph.test.permission"));
        } catch (GraphFailure f) {
            return fail(PERMISSION, f.code(), f.detailText());
        }
        return List.copyOf(steps);
    }

    private static int port(URI u) { return u.getPort() < 0 ? 443 : u.getPort(); }

    private void pass(Text name, Text detail) {
        steps.add(new ConnectionTestStep(name, true, JobCode.OK, detail));
    }

    private List<ConnectionTestStep> fail(Text name, JobCode code, Text detail) {
        steps.add(new ConnectionTestStep(name, false, code, detail));
        return List.copyOf(steps);
    }
}
