/**
 * The {@code printmail} command (Apache Commons CLI, through {@code device.Cli}): {@code demo}, {@code lab}, {@code panel}. Wires the
 * packages together; the only place besides tests that may use {@code lab}.
 */
package org.printmail.cli;
