package nl.ontwikkelplein.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in by email, without passwords. A known address gets a one-time link (256 random bits,
 * stored as a hash, valid {@link #LINK_VALIDITY}, usable once, only in the browser that asked for
 * it); using it opens a session that ends after {@link #IDLE_TIMEOUT} without use. Unknown and
 * revoked addresses get the same answer as known ones, and requests are limited per address and
 * per client, so nobody can find out who has an account.
 */
public final class StaffSignIn {
    public static final Duration LINK_VALIDITY = Duration.ofMinutes(15);
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(8);
    /** A session's last use is written at most this often, not on every request. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);
    public static final Duration RATE_WINDOW = Duration.ofMinutes(15);
    public static final int PER_ADDRESS = 5, PER_CLIENT = 30;

    private final StaffAccounts accounts;
    private final SignIns signIns;
    private final RateLimits limits;
    private final Mailer mailer;
    private final Clock clock;

    public StaffSignIn(StaffAccounts accounts, SignIns signIns, RateLimits limits, Mailer mailer, Clock clock) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.limits = limits;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** How the sign-in mail reads and where its link points; chosen by the page layer. */
    public interface LinkMail {
        Mail compose(String to, String name, String linkUrl, Duration validFor);
    }

    public enum Refusal {
        /** Too many requests for this address or from this client: wait {@link #RATE_WINDOW}. */
        TOO_MANY,
        /** Not an email address at all (a typing error, said as such). */
        NOT_AN_ADDRESS
    }

    /** The sign-in request was refused before anything was looked up. */
    public static final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        public RefusedException(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }

        public Refusal refusal() { return refusal; }
    }

    /**
     * Sends a sign-in link when the address belongs to an active account; otherwise does nothing
     * visible. Either way the caller shows the same page.
     *
     * @param clientKey    who asks (the client's IP address); only its hash is stored
     * @param browserNonce the secret of the asking browser's nonce cookie
     * @param linkBase     the sign-in page's address; the link's secret is appended
     * @throws RefusedException NOT_AN_ADDRESS or TOO_MANY
     */
    public void requestLink(String typedEmail, String clientKey, String browserNonce, String linkBase, LinkMail mail) {
        String email = Emails.normalise(typedEmail).orElseThrow(() -> new RefusedException(Refusal.NOT_AN_ADDRESS));
        if (!Secrets.looksLikeSecret(browserNonce)) throw new IllegalArgumentException("browser nonce missing");
        Instant now = clock.instant();
        // Both counters move on every request, so a client cannot probe addresses below the limit.
        boolean clientOk = limits.tryAcquire("signin-client:" + Ids.sha256Hex(String.valueOf(clientKey)), PER_CLIENT, RATE_WINDOW, now);
        boolean addressOk = limits.tryAcquire("signin-email:" + Ids.sha256Hex(email), PER_ADDRESS, RATE_WINDOW, now);
        if (!clientOk || !addressOk) throw new RefusedException(Refusal.TOO_MANY);
        Optional<StaffMember> member = accounts.byEmail(email).filter(m -> !m.isRevoked());
        if (member.isEmpty()) return;
        String secret = Secrets.newSecret();
        signIns.saveLink(new SignInLink(Secrets.hash(secret), member.get().id(), Secrets.hash(browserNonce), now, now.plus(LINK_VALIDITY)));
        mailer.send(mail.compose(email, member.get().name(), linkBase + secret, LINK_VALIDITY));
    }

    public enum LinkState { VALID, EXPIRED_OR_USED, OTHER_BROWSER }

    /** What the link page says before the button is pressed; uses nothing up. */
    public LinkState check(String linkSecret, String browserNonce) {
        if (!Secrets.looksLikeSecret(linkSecret)) return LinkState.EXPIRED_OR_USED;
        Optional<SignInLink> link = signIns.link(Secrets.hash(linkSecret)).filter(l -> l.expiresAt().isAfter(clock.instant()));
        if (link.isEmpty()) return LinkState.EXPIRED_OR_USED;
        if (!Secrets.looksLikeSecret(browserNonce) || !Secrets.sameHash(link.get().browserNonceHash(), Secrets.hash(browserNonce)))
            return LinkState.OTHER_BROWSER;
        return LinkState.VALID;
    }

    /** The outcome of using a link: a session secret for the cookie, or why not. */
    public record Result(LinkState state, String sessionSecret, Actor actor) {}

    /** Uses the link up and opens a session, when the link is valid in this browser. */
    public Result signIn(String linkSecret, String browserNonce) {
        LinkState state = check(linkSecret, browserNonce);
        if (state != LinkState.VALID) return new Result(state, null, null);
        Instant now = clock.instant();
        Optional<SignInLink> used = signIns.useLink(Secrets.hash(linkSecret), now);
        if (used.isEmpty()) return new Result(LinkState.EXPIRED_OR_USED, null, null);
        Optional<StaffMember> member = accounts.byId(used.get().staffId()).filter(m -> !m.isRevoked());
        if (member.isEmpty()) return new Result(LinkState.EXPIRED_OR_USED, null, null);
        String secret = Secrets.newSecret();
        signIns.saveSession(new StaffSession(Secrets.hash(secret), member.get().id(), now, now, now.plus(IDLE_TIMEOUT)));
        return new Result(LinkState.VALID, secret, Actor.of(member.get()));
    }

    /** The signed-in staff member of a session cookie; empty when it ended, expired or was revoked. */
    public Optional<Actor> authenticate(String sessionSecret) {
        if (!Secrets.looksLikeSecret(sessionSecret)) return Optional.empty();
        String hash = Secrets.hash(sessionSecret);
        Instant now = clock.instant();
        Optional<StaffSession> session = signIns.session(hash).filter(s -> s.expiresAt().isAfter(now));
        if (session.isEmpty()) return Optional.empty();
        Optional<StaffMember> member = accounts.byId(session.get().staffId());
        if (member.isEmpty() || member.get().isRevoked()) {
            signIns.endSession(hash);
            return Optional.empty();
        }
        if (Duration.between(session.get().lastSeenAt(), now).compareTo(TOUCH_INTERVAL) >= 0)
            signIns.touchSession(hash, now, now.plus(IDLE_TIMEOUT));
        return Optional.of(Actor.of(member.get()));
    }

    public void signOut(String sessionSecret) {
        if (Secrets.looksLikeSecret(sessionSecret)) signIns.endSession(Secrets.hash(sessionSecret));
    }
}
