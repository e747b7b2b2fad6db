package org.printmail.i18n;

/**
 * CLDR cardinal plural rules for whole numbers (unicode.org/cldr, plurals.xml), for the languages
 * the device ships. The catalogue names each form as a key suffix: {@code key.zero},
 * {@code key.one}, {@code key.two}, {@code key.few}, {@code key.many}, {@code key.other}.
 * Counts here are never fractions, so only the integer operands of the rules are needed.
 */
enum PluralRule {
    /** English and most European languages: one: i = 1; other. */
    ONE_OTHER {
        @Override
        String category(long n) { return n == 1 ? "one" : "other"; }
    },
    /**
     * Arabic: zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99;
     * other.
     */
    ARABIC {
        @Override
        String category(long n) {
            long a = Math.abs(n);
            long h = a % 100;
            if (a == 0) {
                return "zero";
            }
            if (a == 1) {
                return "one";
            }
            if (a == 2) {
                return "two";
            }
            if (h >= 3 && h <= 10) {
                return "few";
            }
            if (h >= 11) {
                return "many";
            }
            return "other";
        }
    };

    static final String[] CATEGORIES = {"zero", "one", "two", "few", "many", "other"};

    abstract String category(long n);
}
