package io.touchpoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's view of Touchpoint for the Spring Boot tests: real HTTP to the random port, cookies kept (the session
 * and the webapps' XSRF-TOKEN), redirects not followed (a test sees them, and follows with {@link #follow}).
 */
public final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in on the login page as a person does; the answer is the redirect after the login (or its refusal). */
    public HttpResponse<String> logIn(String user, String password) {
        return submit("/login", "/login", Map.of("username", user, "password", password));
    }

    /** Opens the page, then sends its form to {@code action} with the fields and the page's CSRF token. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        HttpResponse<String> form = get(page);
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken(form.body()).orElseThrow(() -> new AssertionError(
                "no CSRF token in the form of " + page + " (" + form.statusCode() + ")")));
        return postForm(action, withToken);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body, headers);
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a JSON body with any method (PUT, PATCH, DELETE, ...). */
    public HttpResponse<String> sendJson(String method, String path, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows a redirect as a browser does, with a GET. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("not a redirect: " + redirect.statusCode()));
        return get(URI.create(base).resolve(location).toString().substring(base.length()));
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** The hidden CSRF field of the first form of a page. */
    public static Optional<String> csrfToken(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The {@code Authorization} header of HTTP Basic, as a header pair for {@link #get} and {@link #post}. */
    public static String[] basic(String user, String password) {
        return new String[] {"Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))};
    }

    /** A request as a browser sends it: asking for a page, unless the caller names what it accepts. */
    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        boolean accepts = false;
        for (int i = 0; i < headers.length; i += 2) {
            accepts |= headers[i].equalsIgnoreCase("Accept");
        }
        if (!accepts) {
            request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        }
        return headers.length == 0 ? request : request.headers(headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
