package org.printmail.store;

/**
 * What loading the vault found. A vault that could not be read is set aside (kept for support,
 * never trusted) and the device runs on as "not signed in".
 *
 * @param reason a one-line reason when not {@link State#OK}; never contains secrets
 */
public record VaultHealth(State state, String reason) {
    public enum State { OK, EMPTY, SET_ASIDE }

    public static VaultHealth ok() { return new VaultHealth(State.OK, ""); }

    public static VaultHealth empty() { return new VaultHealth(State.EMPTY, ""); }

    public static VaultHealth setAside(String reason) { return new VaultHealth(State.SET_ASIDE, reason); }
}
