package org.printmail.webconfig;

import org.printmail.i18n.Language;

/**
 * The seed's steps 1 to 12 with Chromium set to Arabic ({@code --lang=ar},
 * {@code intl.accept_languages=ar}): every page {@code lang="ar" dir="rtl"}, the menu on the
 * right, the code, link, QR and an Arabic countdown, sign-in on the lab's /devicelogin, and
 * Current Status in Arabic. Screenshots: {@code target/screenshots/ar/}.
 */
class SeedStepsArabicBrowserTest extends SeedStepsBrowserTest {
    @Override
    Language language() { return Language.ARABIC; }
}
