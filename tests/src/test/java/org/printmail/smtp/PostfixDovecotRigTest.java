package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The rig skips only where it may: missing servers fail under CI=true, skip otherwise. */
class PostfixDovecotRigTest {
    private static final List<Path> ABSENT = List.of(Path.of("/nonexistent/printmail/postfix"));

    @Test
    void missingServersFailTheTestUnderCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> PostfixDovecotRig.assumeInstalled(ABSENT, "true"));
        assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
    }

    @Test
    void missingServersSkipTheTestWithAClearMessageWithoutCi() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> PostfixDovecotRig.assumeInstalled(ABSENT, null));
        assertTrue(e.getMessage().contains("postfix, dovecot-core and dovecot-lmtpd"), e.getMessage());
    }
}
