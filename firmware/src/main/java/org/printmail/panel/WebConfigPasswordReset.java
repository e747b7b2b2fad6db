package org.printmail.panel;

import java.util.Optional;

import org.printmail.i18n.Text;

/**
 * Resets Web Config's administrator password from the control panel: the way back in when the
 * password is forgotten or a log-in lock holds the administrator's browser. Only someone at
 * the device reaches it.
 */
@FunctionalInterface
public interface WebConfigPasswordReset {
    /** Sets the new password; empty when done, else what is wrong with it (in any language). */
    Optional<Text> reset(String newPassword, String confirm);
}
