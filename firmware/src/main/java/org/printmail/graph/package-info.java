/**
 * The Microsoft Graph transport: sends a job's message through {@code POST /me/sendMail} (small
 * messages) or a draft with one upload session per large attachment and {@code POST .../send},
 * for tenants that keep SMTP AUTH off. HTTP through {@code java.net.http} and Jackson (no Graph
 * SDK), the device's TLS trust, a timeout on every request, and every reply classified to a
 * job-log code. It sits behind {@link org.printmail.smtp.MailSender}, so the job layer does not
 * change; {@link org.printmail.graph.TransportRouter} picks the transport per account.
 * Depends on {@code smtp} (the sender interface and records), {@code config}, {@code trust} and
 * {@code codes}.
 */
package org.printmail.graph;
