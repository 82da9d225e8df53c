package io.touchpoint.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as Touchpoint answers them: {@code application/problem+json}, with a title, a detail a
 * person can act on, and the request's path as {@code instance}. Filters, which answer before Spring MVC, write
 * them with {@link #write}.
 */
public final class Problems {

    /** The content type of every error answer of Touchpoint's APIs, exactly. */
    public static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** Writes the problem as the whole answer (no charset parameter: JSON is UTF-8). */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                             ProblemDetail problem) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(Paths.of(request)));
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding((String) null); // no charset parameter, whatever the locale set
        response.setContentType(CONTENT_TYPE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
