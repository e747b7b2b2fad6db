package org.printmail.webconfig;

import org.printmail.config.ConfigException;
import org.printmail.i18n.Text;

/** An invalid setting as a page shows it: what is wrong, naming the field, in any language. */
final class SettingsProblem {
    private SettingsProblem() { }

    static Text of(ConfigException e) {
        return Text.literal(e.detail());
    }
}
