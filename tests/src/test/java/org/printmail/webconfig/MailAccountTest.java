package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.printmail.codes.JobCode;

/** Issue 11 §5: the fax server's problems send the admin to the Fax page, not to Network. */
class MailAccountTest {
    @Test
    void faxRemediesNameTheFaxPagesAndDeviceRemediesStayAsTheyAre() {
        for (JobCode code : JobCode.values()) {
            String fax = MailAccount.FAX.remedy(code.remedy());
            assertFalse(fax.contains("Network > Email Server"), code + ": " + fax);
            assertEquals(code.remedy(), MailAccount.DEVICE.remedy(code.remedy()));
        }
        assertTrue(MailAccount.FAX.remedy(JobCode.NOT_SIGNED_IN.remedy())
                .contains("Fax > Fax Server > Email Server Settings"));
    }
}
