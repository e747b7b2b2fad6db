package org.printmail.config;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;

/** A setting is missing or invalid; the message names the field. */
public final class ConfigException extends PrintmailException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ConfigException(String field, String problem) {
        super(JobCode.SETTINGS_INVALID, field + ": " + problem);
        this.field = field;
    }

    public String field() { return field; }
}
