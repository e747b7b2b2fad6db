/**
 * The token vault: an NVRAM-style partition with two record slots (A/B), AES-256-GCM sealed
 * records under a key derived (HKDF-SHA256) from the device-unique secret. Survives a power cut
 * at any byte; a corrupt or foreign vault is set aside, never trusted. Public surface:
 * {@link org.printmail.store.TokenVault} and its values, {@link org.printmail.store.TokenVaults},
 * {@link org.printmail.store.VaultOptions}, {@link org.printmail.store.VaultFullException}.
 * Threat model: {@code docs/security.md}. Depends on {@code codes} and {@code config}.
 */
package org.printmail.store;
