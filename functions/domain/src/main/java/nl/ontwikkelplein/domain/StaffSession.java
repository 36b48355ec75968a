package nl.ontwikkelplein.domain;

import java.time.Instant;

/**
 * A signed-in browser, as stored: the hash of its cookie's secret. Revocable by deleting it; it
 * also ends {@link StaffSignIn#IDLE_TIMEOUT} after its last use ({@code expiresAt}).
 */
public record StaffSession(String tokenHash, String staffId, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {}
