package io.touchpoint.portal;

import io.touchpoint.TouchpointProperties;
import io.touchpoint.limits.RateLimits;
import io.touchpoint.limits.TooManyRequestsException;
import io.touchpoint.notification.Email;
import io.touchpoint.notification.EmailService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, email confirmation and forgotten passwords (REG-01). Whoever registers gives a name and an address;
 * the emailed link (valid {@code touchpoint.portal.confirmation-valid-for}) lets the owner of the address choose the
 * password, so nobody can pre-register someone else's address with a password they know. The answer on the page is
 * the same whether the address has an account or not: an address with a confirmed account gets an email saying so
 * (with a link to set a new password) instead of a confirmation.
 * <p>
 * The registration may give the company's account number. It never links the login by itself, since anyone could type
 * a number they guessed: it travels with the confirmation link, and once the address is confirmed and no order names
 * it, it waits on the login as a claim that customer care links or rejects ({@code /customer-accounts}). Registration
 * never looks the number up, so its answer cannot tell whether a number exists.
 * <p>
 * Tokens are 32 random bytes; only their SHA-256 is stored, and each works once. Passwords are hashed with Spring
 * Security's delegating encoder (BCrypt today, upgradable).
 */
@Service
public class PortalRegistration {

    /** Spring Security's standard encoder: {@code {bcrypt}...}, and it reads older formats should the default change. */
    static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** BCrypt reads at most 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 12;

    /** Account numbers as support records them on tickets and reactivations: letters, digits and dashes. */
    static final int MAX_ACCOUNT_NUMBER_LENGTH = 40;
    private static final java.util.regex.Pattern ACCOUNT_NUMBER = java.util.regex.Pattern.compile("[A-Za-z0-9-]+");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome of a new password: which account, and whether it was the confirmation of a new one. */
    public record PasswordSet(PortalAccount account, boolean confirmed) {
    }

    private final PortalAccounts accounts;
    private final CompanyDirectory companies;
    private final EmailService email;
    private final RateLimits limits;
    private final PortalProperties settings;
    private final String baseUrl;

    PortalRegistration(PortalAccounts accounts, CompanyDirectory companies, EmailService email, RateLimits limits,
                       PortalProperties settings, TouchpointProperties touchpoint) {
        this.accounts = accounts;
        this.companies = companies;
        this.email = email;
        this.limits = limits;
        this.settings = settings;
        String base = touchpoint.baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * Someone registers the address: a confirmation email, or "you have an account" when it is confirmed already.
     *
     * @param accountNumber the company's account number as typed (checked by {@link #accountNumberProblem}), or
     *                      null: the confirmation link carries it to the login as a claim for customer care
     */
    @Transactional
    public void register(String displayName, String address, String accountNumber) {
        if (!mayEmail(address)) {
            return;
        }
        Optional<PortalAccount> existing = accounts.byEmail(address);
        if (existing.isPresent() && existing.get().confirmed()) {
            sendLink(existing.get(), PortalAccounts.Purpose.RESET, "portal-already-registered",
                    "You already have a Touchpoint portal account");
            return;
        }
        long id = existing.map(PortalAccount::id).or(() -> accounts.create(address, displayName))
                .orElseGet(() -> accounts.byEmail(address).orElseThrow().id());
        PortalAccount account = accounts.byId(id).orElseThrow();
        sendLink(account, PortalAccounts.Purpose.CONFIRM, "portal-confirm", "Confirm your email for the Touchpoint portal",
                accountNumber);
    }

    /** A forgotten password: a reset link to a confirmed account, the confirmation again to an unconfirmed one. */
    @Transactional
    public void forgotten(String address) {
        if (!mayEmail(address)) {
            return;
        }
        accounts.byEmail(address).ifPresent(account -> {
            if (account.confirmed()) {
                sendLink(account, PortalAccounts.Purpose.RESET, "portal-reset", "Set a new password for the Touchpoint portal");
            } else {
                sendLink(account, PortalAccounts.Purpose.CONFIRM, "portal-confirm",
                        "Confirm your email for the Touchpoint portal",
                        accounts.openConfirmationAccountNumber(account.id()).orElse(null));
            }
        });
    }

    /** What a link's token is good for, while it is unused and unexpired. */
    public Optional<PortalAccounts.Purpose> purpose(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(token);
        for (PortalAccounts.Purpose purpose : PortalAccounts.Purpose.values()) {
            if (accounts.tokenAccount(hash, purpose).isPresent()) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }

    /**
     * Sets the password of the token's account: confirms a new account (and links it to the company whose orders name
     * its address; failing that, the account number its registration gave waits for customer care), or replaces a
     * forgotten password. Every other open link of the account stops working. Empty when
     * the token is unknown, used or expired.
     */
    @Transactional
    public Optional<PasswordSet> setPassword(String token, String password) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(token);
        for (PortalAccounts.Purpose purpose : PortalAccounts.Purpose.values()) {
            Optional<Long> account = accounts.tokenAccount(hash, purpose);
            if (account.isPresent() && accounts.useToken(hash)) {
                long id = account.get();
                boolean confirm = purpose == PortalAccounts.Purpose.CONFIRM;
                accounts.setPassword(id, PASSWORDS.encode(password), confirm);
                accounts.endTokens(id);
                PortalAccount saved = accounts.byId(id).orElseThrow();
                if (confirm && saved.companyName() == null) {
                    Optional<String> company = companies.companyOf(saved.email());
                    if (company.isPresent()) {
                        accounts.link(id, company.get(), "automatic");
                    } else {
                        accounts.tokenAccountNumber(hash).ifPresent(number -> accounts.claim(id, number));
                    }
                    saved = accounts.byId(id).orElseThrow();
                }
                return Optional.of(new PasswordSet(saved, confirm));
            }
        }
        return Optional.empty();
    }

    /** Why the password is refused, or empty when it is good enough. */
    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("Use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("Use at most 64 characters (fewer with accents or symbols).");
        }
        if (password.isBlank()) {
            return Optional.of("Use letters, digits or symbols, not only spaces.");
        }
        return Optional.empty();
    }

    /** Why the account number is refused, or empty when it is well-formed (or not given: blank). */
    public static Optional<String> accountNumberProblem(String accountNumber) {
        if (accountNumber == null || accountNumber.isBlank()) {
            return Optional.empty();
        }
        String number = accountNumber.trim();
        if (number.length() > MAX_ACCOUNT_NUMBER_LENGTH || !ACCOUNT_NUMBER.matcher(number).matches()) {
            return Optional.of("Please give the account number as it stands on your bill or our emails: letters, digits "
                    + "and dashes, at most " + MAX_ACCOUNT_NUMBER_LENGTH + " characters (such as ACC-1001), or leave it empty.");
        }
        return Optional.empty();
    }

    /** At most {@code touchpoint.limits.per-recipient} emails to one address per period; more are dropped quietly. */
    private boolean mayEmail(String address) {
        try {
            limits.takeForRecipient(PortalAccounts.normalized(address));
            return true;
        } catch (TooManyRequestsException tooMany) {
            return false;
        }
    }

    private void sendLink(PortalAccount account, PortalAccounts.Purpose purpose, String template, String subject) {
        sendLink(account, purpose, template, subject, null);
    }

    private void sendLink(PortalAccount account, PortalAccounts.Purpose purpose, String template, String subject,
                          String accountNumber) {
        String token = newToken();
        Duration validFor = purpose == PortalAccounts.Purpose.CONFIRM ? settings.confirmationValidFor()
                : settings.resetValidFor();
        accounts.addToken(hash(token), account.id(), purpose, accounts.now().plus(validFor), accountNumber);
        String link = baseUrl + "/portal/password?token=" + token;
        email.send(new Email(List.of(account.email()), List.of(), subject, template, Map.of(
                "name", account.displayName(), "link", link, "validFor", describe(validFor),
                "loginUrl", baseUrl + "/portal/login", "accountNumber", accountNumber == null ? "" : accountNumber), null));
    }

    private static String describe(Duration duration) {
        if (duration.toHours() >= 1 && duration.toMinutesPart() == 0) {
            return duration.toHours() == 1 ? "one hour" : duration.toHours() + " hours";
        }
        return duration.toMinutes() + " minutes";
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.trim().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
