package nl.ontwikkelplein.domain;

import java.time.Instant;

/**
 * A one-time sign-in link as stored: only hashes of the link's secret and of the nonce of the
 * browser that asked for it.
 */
public record SignInLink(String tokenHash, String staffId, String browserNonceHash, Instant createdAt, Instant expiresAt) {}
