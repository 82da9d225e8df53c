package io.touchpoint.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Spring Boot's error path ({@code /error}), where the servlet container sends every error that no controller
 * answered: unknown addresses, refusals of filters, exceptions. It answers problem details
 * ({@code application/problem+json}), or, for a page asked for by a browser ({@code Accept: text/html}) outside
 * {@code /api/**}, a short HTML page. Requested directly, {@code /error} is not found (404). A server error is logged
 * with a reference that the answer shows, never the exception.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorResponses implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final ErrorAttributes errorAttributes;
    private final View problemView;

    ErrorResponses(ErrorAttributes errorAttributes, ObjectMapper json) {
        this.errorAttributes = errorAttributes;
        this.problemView = (model, request, response) ->
                Problems.write(request, response, json, (ProblemDetail) model.get("problem"));
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String path = originalPath(request);
        ProblemDetail problem = Problems.of(status, status.getReasonPhrase(), detail(request, status));
        try {
            problem.setInstance(URI.create(path));
        } catch (IllegalArgumentException notAUri) {
            // a malformed address: the problem goes without its instance
        }
        if (status.is5xxServerError()) {
            String reference = UUID.randomUUID().toString();
            problem.setProperty("reference", reference);
            problem.setDetail("Something went wrong on our side. If it happens again, tell us the reference " + reference
                    + ".");
            log.error("Server error {} answering {} {} (reference {})", status.value(), request.getMethod(), path,
                    reference, errorAttributes.getError(new ServletWebRequest(request)));
        }
        if (!Paths.api(path) && acceptsHtml(request)) {
            if (status == HttpStatus.FORBIDDEN) {
                // a page the user's groups do not open, such as a Camunda webapp: who is logged in, and what to do
                Map<String, Object> model = new java.util.HashMap<>();
                model.put("form", false);
                model.put("user", request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
                return new ModelAndView("error/403", model, status);
            }
            return new ModelAndView("pages/error", Map.of("problem", problem), status);
        }
        ModelAndView json = new ModelAndView(problemView, Map.of("problem", problem));
        json.setStatus(status);
        return json;
    }

    /** The status the error was sent with; none means {@code /error} was asked for directly: there is nothing there. */
    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value)) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(value);
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String original ? original : request.getRequestURI();
        String context = request.getContextPath();
        return !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
    }

    /** What the status means for the person asking; the message a filter sent with it, when there is one. */
    private static String detail(HttpServletRequest request, HttpStatus status) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (message instanceof String text && !text.isBlank() && text.length() <= 300
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null) {
            return text;
        }
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed.";
            case UNAUTHORIZED -> "Log in to use this.";
            case FORBIDDEN -> "You may not use this.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case NOT_ACCEPTABLE -> "This address cannot answer in a format the request accepts.";
            case PAYLOAD_TOO_LARGE -> "The request is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not take this content type.";
            case TOO_MANY_REQUESTS -> "Too many requests. Please try again later.";
            default -> status.getReasonPhrase() + ".";
        };
    }

    /** Whether the request is a browser's, asking for HTML. */
    static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> type.getQualityValue() > 0 && "text".equals(type.getType())
                    && "html".equals(type.getSubtype()));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }
}
