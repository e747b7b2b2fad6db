package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.printmail.codes.JobCode;
import org.printmail.smtp.ReplyClassifier.Reply;
import org.printmail.smtp.ReplyClassifier.Stage;

/** The table's edges that the socket tests do not reach. */
class ReplyClassifierTest {
    @Test
    void theEnhancedCodeDecidesWhereTheReplyCodeIsShared() {
        assertEquals(JobCode.SMTP_AUTH_DISABLED, ReplyClassifier.classify("535 5.7.139 anything", Stage.AUTH));
        assertEquals(JobCode.SMTP_AUTH_REJECTED, ReplyClassifier.classify("535 5.7.3 anything", Stage.AUTH));
        assertEquals(JobCode.SMTP_AUTH_REJECTED,
                ReplyClassifier.classify("501 5.5.127 Token will expire soon", Stage.AUTH));
    }

    @Test
    void aBadSenderAddressIsSendAsButABadRecipientIsARecipientProblem() {
        assertEquals(JobCode.SEND_AS_DENIED, ReplyClassifier.classify("550 5.1.8 Access denied, bad outbound sender", Stage.MAIL));
        assertEquals(JobCode.RECIPIENT_REJECTED, ReplyClassifier.classify("550 5.1.1 User unknown", Stage.RCPT));
    }

    @Test
    void theTwo554FormsAreToldApartByMicrosoftsTextOnly() {
        assertEquals(JobCode.DAILY_LIMIT, ReplyClassifier.classify(
                "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException", Stage.DATA));
        assertEquals(JobCode.SEND_AS_DENIED, ReplyClassifier.classify(
                "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException", Stage.DATA));
        assertEquals(JobCode.MESSAGE_REFUSED, ReplyClassifier.classify("554 5.2.0 something else", Stage.DATA));
    }

    @Test
    void anyTransientReplyIsRetriedLaterAndNonRepliesAreProtocolErrors() {
        assertEquals(JobCode.SERVER_BUSY, ReplyClassifier.classify("421 4.4.2 Connection dropped", Stage.DATA));
        assertEquals(JobCode.SERVER_BUSY, ReplyClassifier.classify("450 busy", Stage.MAIL));
        assertEquals(JobCode.PROTOCOL_ERROR, ReplyClassifier.classify("hello there", Stage.MAIL));
        assertEquals(new Reply(-1, "", ""), Reply.parse(null));
        assertEquals(new Reply(552, "", "552 too big"), Reply.parse("552 too big"));
    }
}
