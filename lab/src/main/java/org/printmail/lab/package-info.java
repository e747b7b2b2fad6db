/**
 * Loopback stand-ins for Microsoft: the lab identity platform (v2.0 devicecode/token endpoints,
 * /devicelogin page, control API, fault injection) and the lab mail server (GreenMail with
 * STARTTLS and XOAUTH2). Used only by tests and the {@code demo}/{@code lab} wiring.
 */
package org.printmail.lab;
