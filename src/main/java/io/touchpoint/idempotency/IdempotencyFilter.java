package io.touchpoint.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.limits.LimitsProperties;
import io.touchpoint.limits.RequestBodyLimit;
import io.touchpoint.web.Paths;
import io.touchpoint.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Honours the {@code Idempotency-Key} header of {@code POST /api/quote-requests} and {@code POST /api/tickets}: a
 * retry with the same key and the same body (byte for byte) gets the first answer again, status and body, and creates
 * nothing; the same key with another body is 422; while the first request with a key runs, a second one waits for it
 * (on the database's primary key, across nodes) or, on the same node, gets 409 at once.
 * <p>
 * The key is claimed in a transaction that the request's work joins, so a key and the ticket or quote it created
 * commit together, or neither does. Only successful answers are kept ({@code touchpoint.limits.idempotency-key-ttl},
 * 24 hours by default): a refused request does not use up its key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private static final Map<String, String> ENDPOINTS = Map.of("/api/quote-requests", "quote-requests",
            "/api/tickets", "tickets");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int LARGEST_KEPT_ANSWER = 20_000;

    private final IdempotencyKeys keys;
    private final PlatformTransactionManager transactions;
    private final ObjectMapper json;
    private final Duration ttl;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    IdempotencyFilter(IdempotencyKeys keys, PlatformTransactionManager transactions, ObjectMapper json,
                      LimitsProperties limits) {
        this.keys = keys;
        this.transactions = transactions;
        this.json = json;
        this.ttl = limits.idempotencyKeyTtl();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !ENDPOINTS.containsKey(Paths.of(request))
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The header " + HEADER + " is not valid.");
            problem.setProperty("errors", List.of(Map.of("field", HEADER,
                    "message", "must be 1 to 255 visible ASCII characters, such as a UUID")));
            Problems.write(request, response, json, problem);
            return;
        }
        RequestBodyLimit.BufferedBody body = WebUtils.getNativeRequest(request, RequestBodyLimit.BufferedBody.class);
        if (body == null) {
            chain.doFilter(request, response); // no body: refused further on, and nothing to repeat
            return;
        }
        String endpoint = ENDPOINTS.get(Paths.of(request));
        String here = endpoint + " " + key;
        if (!inFlight.add(here)) {
            inFlightProblem(request, response);
            return;
        }
        Answer answer;
        try {
            answer = handle(key, endpoint, sha256(body.body()), request, response, chain, true);
        } finally {
            inFlight.remove(here); // before the answer goes out: a retry right after it finds the key free
        }
        answer.send();
    }

    /** What goes back to the client, once the key is released on this node. */
    @FunctionalInterface
    private interface Answer {
        void send() throws IOException;
    }

    private Answer handle(String key, String endpoint, String hash, HttpServletRequest request,
                          HttpServletResponse response, FilterChain chain, boolean firstAttempt)
            throws ServletException, IOException {
        Instant now = Instant.now();
        sweep(now);
        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            keys.claim(key, endpoint, hash, now, now.plus(ttl));
        } catch (DuplicateKeyException taken) {
            transactions.rollback(transaction);
            Optional<IdempotencyKeys.Answer> first = keys.find(key, endpoint, now);
            if (first.isEmpty() && firstAttempt) {
                keys.deleteExpired(now);
                return handle(key, endpoint, hash, request, response, chain, false);
            }
            if (first.isEmpty() || first.get().status() == null) {
                return () -> inFlightProblem(request, response);
            }
            if (!first.get().requestHash().equals(hash)) {
                return () -> Problems.write(request, response, json, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY,
                        "Idempotency-Key reused", "This " + HEADER + " was used for a different request body. Use a new "
                                + "key for a new request."));
            }
            return () -> replay(first.get(), response);
        } catch (ConcurrencyFailureException stillRunning) {
            transactions.rollback(transaction);
            return () -> inFlightProblem(request, response);
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
                byte[] content = answer.getContentAsByteArray();
                if (content.length > LARGEST_KEPT_ANSWER) {
                    throw new IllegalStateException("An answer of " + content.length + " bytes is too large to keep");
                }
                keys.answer(key, endpoint, answer.getStatus(), answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION), new String(content, StandardCharsets.UTF_8));
                transactions.commit(transaction);
            }
        } finally {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
        }
        return answer::copyBodyToResponse;
    }

    private static void replay(IdempotencyKeys.Answer first, HttpServletResponse response) throws IOException {
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        if (first.body() != null) {
            response.getOutputStream().write(first.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void inFlightProblem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        Problems.write(request, response, json, Problems.of(HttpStatus.CONFLICT, "Request in progress",
                "A request with this " + HEADER + " is still being processed. Retry in a moment to get its answer."));
    }

    /** Forgets expired keys, at most once a minute. */
    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (last.plus(Duration.ofMinutes(1)).isBefore(now) && lastSweep.compareAndSet(last, now)) {
            keys.deleteExpired(now);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
