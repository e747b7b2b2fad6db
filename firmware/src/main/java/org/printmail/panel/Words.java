package org.printmail.panel;

import java.util.Locale;

import org.printmail.i18n.Text;

/**
 * The catalogue names of the values the panel shows (job types, results, states; settings'
 * choices), under the keys their own packages' areas define ({@code jobs.*}, {@code config.*}).
 */
final class Words {
    private Words() { }

    static Text of(String prefix, Enum<?> value) {
        return Text.of(prefix + value.name().toLowerCase(Locale.ROOT));
    }
}
