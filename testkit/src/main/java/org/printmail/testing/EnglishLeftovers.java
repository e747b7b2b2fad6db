package org.printmail.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English left in a screen that should be Arabic: Latin-script words outside isolated
 * values, once the names the vendor guide keeps in English (products, protocols) are set aside.
 * Isolated values are the FSI ... PDI spans the catalogue puts around data (addresses, hosts,
 * codes); a page's {@code <bdi>} elements should be removed by the caller before its text is
 * passed in.
 */
public final class EnglishLeftovers {
    /**
     * Names kept in English on Arabic screens, as the seed guide keeps them: Microsoft's product
     * names, protocol and standard names, and "Web Config", the UI's own name. Longest first.
     */
    public static final List<String> KEPT_IN_ENGLISH = List.of(
            "Set-TransportConfig -SmtpClientAuthenticationDisabled $false", "smtp.office365.com",
            "Microsoft Exchange Online", "Microsoft Entra ID", "Microsoft Graph", "Microsoft 365",
            "Microsoft Defender", "Microsoft Learn", "Microsoft", "Exchange Online", "Exchange", "Graph", "Outlook.com",
            "Entra ID", "Entra", "Conditional Access", "Set-TransportConfig", "SmtpClientAuthenticationDisabled",
            "MailboxNotEnabledForRESTAPI", "Mail.ReadWrite", "Mail.Send", "SMTP AUTH", "OAuth 2.0", "OAuth2",
            "XOAUTH2", "OAUTHBEARER", "STARTTLS", "SSL/TLS", "SMTP", "POP3", "HTTPS", "HTTP", "SOCKS5", "SOCKS",
            "TLS", "SSL", "DNS", "URL", "IP", "IPv4", "IPv6", "CA", "PDF", "QR", "MFA", "ID", "PEM", "DER",
            "PKCS#12", "SHA-256", "UTC", "LAN", "Wi-Fi", "Web Config", "printmail", "AADSTS", "CONNECT");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'-]*[A-Za-z]|\\b[A-Za-z]\\b");

    private EnglishLeftovers() { }

    /** The Latin-script words of {@code text} outside isolates and the kept names; empty when clean. */
    public static List<String> in(String text) {
        String rest = removeIsolates(text);
        for (String kept : KEPT_IN_ENGLISH) {
            rest = rest.replace(kept, " ");
        }
        // AADSTS codes and similar identifiers: letters glued to digits are codes, not words.
        rest = rest.replaceAll("[A-Za-z]+[0-9][A-Za-z0-9.-]*|[0-9]+[A-Za-z]+", " ");
        List<String> out = new ArrayList<>();
        Matcher m = LATIN_WORD.matcher(rest);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The text with every FSI ... PDI span (nested ones too) removed. */
    public static String removeIsolates(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u2068' || c == '\u2066' || c == '\u2067') {
                depth++;
            } else if (c == '\u2069') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
