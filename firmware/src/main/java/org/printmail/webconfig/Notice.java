package org.printmail.webconfig;

import org.printmail.i18n.Text;

/**
 * A message box on a page: what happened and, for problems, what to do. It holds texts, not
 * sentences: a flash notice is read on the next page, perhaps after the admin switched language,
 * so {@link Layout#notice} puts it into words in the language that page is written in.
 *
 * @param remedyFor the account whose pages the remedy names ({@link MailAccount#remedy}), or
 *                  {@code null} for a remedy shown as it is
 */
record Notice(Kind kind, Text text, Text remedy, MailAccount remedyFor) {
    enum Kind { INFO, WARNING, ERROR }

    Notice {
        remedy = remedy == null ? Text.literal("") : remedy;
    }

    static Notice info(Text text) { return new Notice(Kind.INFO, text, null, null); }

    static Notice warning(Text text, Text remedy) {
        return new Notice(Kind.WARNING, text, remedy, null);
    }

    static Notice error(Text text, Text remedy) {
        return new Notice(Kind.ERROR, text, remedy, null);
    }

    /** This notice with its remedy naming {@code account}'s pages. */
    Notice remedyFor(MailAccount account) { return new Notice(kind, text, remedy, account); }

    /** Two sentences shown as one text, the second after the first. */
    static Text sentences(Text first, Text second) {
        return Text.of("webconfig.sentences", first, second);
    }
}
