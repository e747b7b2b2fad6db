/**
 * Firmware profiles and validated, immutable settings records (identity platform, SMTP server,
 * trust). Validation errors name the field. Depends only on {@code codes}.
 */
package org.printmail.config;
