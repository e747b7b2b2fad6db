/**
 * The {@code printmail} command (picocli): {@code demo}, {@code lab}, {@code panel}. Wires the
 * packages together; the only place besides tests that may use {@code lab}.
 */
package org.printmail.cli;
