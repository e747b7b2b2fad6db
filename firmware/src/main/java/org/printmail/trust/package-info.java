/**
 * TLS trust shared by the identity-platform client and the SMTP sender: the JDK's CAs plus CA
 * certificates imported into the device. Depends only on {@code codes}.
 */
package org.printmail.trust;
