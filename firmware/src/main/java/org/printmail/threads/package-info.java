/**
 * The device's background threads: {@link org.printmail.threads.DaemonThreads} names, numbers and
 * marks every one daemon, and logs an uncaught failure by its class only. Depends on nothing else
 * in printmail.
 */
package org.printmail.threads;
