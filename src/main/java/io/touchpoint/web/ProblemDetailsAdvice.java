package io.touchpoint.web;

import io.touchpoint.web.JsonInputErrors.FieldError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every bad request answers RFC 9457 problem details ({@code application/problem+json}, see {@link ProblemJsonBodies})
 * with a list {@code errors} of {@code {field, message}}, one per bad field, so a form can show each message next to
 * its field. Spring MVC's own refusals (404, 405, 406, 415, ...) answer problem details too.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldError error = JsonInputErrors.describe(ex.getCause());
        if (error == null) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request",
                    "The request body is not valid JSON."));
        }
        return ResponseEntity.badRequest().body(invalid(List.of(error)));
    }

    /**
     * A browser asking for a page (not an API) gets the HTML error page: the error goes to the error path
     * ({@link ErrorResponses}) instead of answering problem details here.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest web && web.getResponse() != null && !web.getResponse().isCommitted()
                && !Paths.api(Paths.of(web.getRequest())) && ErrorResponses.acceptsHtml(web.getRequest())) {
            headers.forEach((name, values) -> values.forEach(value -> web.getResponse().addHeader(name, value)));
            try {
                web.getResponse().sendError(statusCode.value());
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> handleInvalidField(InvalidFieldException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(ex.field(), ex.getMessage()))));
    }

    /**
     * The last line of defence when a request collided with a background step of the same process instance (a timer,
     * an asynchronous join): nothing changed, and the caller may send the same request again in a moment.
     */
    @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
    ResponseEntity<Object> handleCollision() {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Changed at the same moment",
                "The case changed at the same moment as your request, so nothing was done. Please send it again.");
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "1").body(problem);
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
                "These fields are not valid: " + fields + ".");
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }
}
