package org.printmail.webconfig;

/**
 * A secret the admin sets in Web Config but never sees again (the office proxy's password). The
 * device keeps it sealed; Web Config can only replace, clear or ask whether one is set.
 */
public interface StoredSecret {
    /** Replaces the secret; the empty string clears it. */
    void write(String secret);

    boolean isSet();
}
