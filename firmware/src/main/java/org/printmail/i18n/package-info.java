/**
 * What the device says, in the reader's language: the message catalogue (English and Arabic,
 * {@code src/main/resources/i18n/*.properties}), plural rules, localized dates and the Unicode
 * isolation of left-to-right values inside a sentence. A base package: it depends on nothing of
 * printmail; everything that shows text to a person renders it through {@link Messages}.
 * How to add a language: {@code docs/i18n.md}.
 */
package org.printmail.i18n;
