/**
 * The token vault: an NVRAM-style partition with two record slots (A/B), AES-256-GCM sealed
 * records under a key derived (HKDF-SHA256) from the device-unique secret. Survives a power cut
 * at any byte; a corrupt or foreign vault is set aside, never trusted. Depends on {@code codes}.
 */
package org.printmail.store;
