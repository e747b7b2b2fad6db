/**
 * The job-log codes (360/361/370 and printmail's own) with their remedies, and the failure type
 * that carries them. The innermost package: everything may depend on it, it depends on nothing.
 */
package org.printmail.codes;
