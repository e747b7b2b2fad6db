package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;

/** How a sentence's isolated values become markup ({@link Html#text}). */
class HtmlIsolatesTest {
    @Test
    void aCountIsWrittenPlainWhileOtherValuesAreIsolated() {
        Messages ar = Messages.of(Language.ARABIC);
        String sentence = ar.count("webconfig.signIn.expiresIn.minutes", 15);
        assertEquals("تنتهي صلاحية الرمز خلال 15 دقيقة", new Html().text(sentence).toString());
        String queued = Messages.of(Language.ENGLISH).text("webconfig.test.queued", "a@b.example", "J1-2");
        assertEquals("The test message to <bdi>a@b.example</bdi> was queued as job <bdi>J1-2</bdi>;"
                + " its result shows below and in the Job Log.", new Html().text(queued).toString());
    }

    @Test
    void aValueCannotOpenOrCloseAnIsolateOfItsOwn() {
        String hostile = "x\u2069<b>\u2068y\u202Ez";
        String sentence = Messages.of(Language.ENGLISH).text("webconfig.test.notAnAddress", hostile);
        assertEquals("Recipient: not an email address: <bdi>x&lt;b&gt;yz</bdi>",
                new Html().text(sentence).toString());
    }
}
