package io.touchpoint.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.web.Paths;
import io.touchpoint.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body of Touchpoint's own endpoints is larger than its limit: JSON (and any other body) up to
 * {@code touchpoint.limits.json-body}, form posts up to {@code server.tomcat.max-http-form-post-size}. A larger one
 * answers 413 problem details before anything reads it: from its {@code Content-Length}, or, without one, while
 * reading. A body within the limit is kept in memory ({@link BufferedBody}) for the idempotency check. The Camunda
 * webapps and the engine's REST API (deployments) keep their own limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class RequestBodyLimit extends OncePerRequestFilter {

    private final long jsonLimit;
    private final long formLimit;
    private final ObjectMapper json;

    RequestBodyLimit(LimitsProperties limits, @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit,
                     ObjectMapper json) {
        this.jsonLimit = limits.jsonBody().toBytes();
        this.formLimit = formLimit.toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Paths.camunda(Paths.of(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = isForm(request);
        long limit = form ? formLimit : jsonLimit;
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response, limit, form);
            return;
        }
        if (form) {
            request.getParameterMap(); // Tomcat reads the form here, within its max-http-form-post-size
            if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) != null) {
                if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR) == Parameters.FailReason.POST_TOO_LARGE) {
                    tooLarge(request, response, limit, true);
                } else {
                    Problems.write(request, response, json, Problems.of(HttpStatus.BAD_REQUEST, "Unreadable form",
                            "The form data could not be read."));
                }
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) limit + 1);
        if (body.length > limit) {
            tooLarge(request, response, limit, false);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit, boolean form)
            throws IOException {
        Problems.write(request, response, json, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                (form ? "A form post" : "A request body") + " may be at most " + DataSize.ofBytes(limit).toKilobytes()
                        + " KB."));
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** A request whose body has been read into memory, within the limit; it can be read again. */
    public static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        public byte[] body() {
            return body.clone();
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return available() == 0;
                }

                @Override
                public int available() {
                    try {
                        return in.available();
                    } catch (IOException e) {
                        return 0;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException unknownCharset) {
                // read as UTF-8, the charset of JSON
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
