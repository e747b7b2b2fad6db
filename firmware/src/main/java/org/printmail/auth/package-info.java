/**
 * Microsoft identity platform v2.0 sign-in on the Nimbus SDK: device-code flow (RFC 8628),
 * refresh with rotation, keep-alive, account states and their job-log codes. Depends on
 * {@code store}, {@code config}, {@code trust} and {@code codes}.
 */
package org.printmail.auth;
