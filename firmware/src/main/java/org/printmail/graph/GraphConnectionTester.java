package org.printmail.graph;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.smtp.ConnectionTestStep;
import org.printmail.smtp.SmtpAccount;

/**
 * Web Config's Connection Test for the Graph transport: DNS, TLS (with the device's trust),
 * token, and a permission check that sends nothing ({@code GET /me/mailFolders/drafts}, which
 * the Mail.ReadWrite permission for drafts and upload sessions allows). Stops at the first
 * failed step; each failure carries its code and remedy.
 */
final class GraphConnectionTester {
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
            pass("DNS", host + " resolves to " + all[0].getHostAddress());
        } catch (UnknownHostException e) {
            return fail("DNS", JobCode.SERVER_UNREACHABLE, "cannot resolve " + host);
        }
        GraphClient.Bearer bearer = new GraphClient.Bearer(account.tokens());
        GraphReply anonymous;
        try {
            // Without a token: proves the TCP connection and the TLS certificate (a 401 is expected).
            anonymous = client.exchange("GET", drafts, null, null, null, g.timeout(), "checking TLS");
            pass("TLS and certificate", "HTTPS to " + host + ":" + port(drafts)
                    + " with a trusted certificate (HTTP " + anonymous.status() + " without a token)");
        } catch (GraphFailure f) {
            return fail("TLS and certificate", f.code(), f.detail());
        }
        try {
            bearer.token();
            pass("Token", "an access token for Microsoft Graph is at hand for " + account.username());
        } catch (PrintmailException e) {
            return fail("Token", e.code(), e.detail());
        }
        try {
            GraphReply r = client.call("GET", drafts, null, null, bearer, g.timeout(), "checking permissions");
            if (!r.ok()) {
                GraphFailure f = GraphErrors.fromReply(r, "the permission check");
                return fail("Permission (Mail.Send, Mail.ReadWrite)", f.code(), f.detail());
            }
            pass("Permission (Mail.Send, Mail.ReadWrite)", "the mailbox's Drafts folder is reachable;"
                    + " nothing was sent");
        } catch (GraphFailure f) {
            return fail("Permission (Mail.Send, Mail.ReadWrite)", f.code(), f.detail());
        }
        return List.copyOf(steps);
    }

    private static int port(URI u) { return u.getPort() < 0 ? 443 : u.getPort(); }

    private void pass(String name, String detail) {
        steps.add(new ConnectionTestStep(name, true, JobCode.OK, detail));
    }

    private List<ConnectionTestStep> fail(String name, JobCode code, String detail) {
        steps.add(new ConnectionTestStep(name, false, code, detail));
        return List.copyOf(steps);
    }
}
