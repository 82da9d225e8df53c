package io.touchpoint.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every bad request answers RFC 7807 problem details with a list {@code errors} of {@code {field, message}},
 * one per bad field, so a form can show each message next to its field.
 */
@RestControllerAdvice(basePackages = "io.touchpoint")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    record FieldError(String field, String message) {
    }

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
        FieldError error;
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            error = new FieldError(path(unknown), "is not a known field");
        } else if (ex.getCause() instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            error = new FieldError(path(format), "'" + format.getValue() + "' is not one of " + allowed);
        } else if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            error = new FieldError(path(mapping), "has the wrong type");
        } else {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body is not valid JSON.");
            problem.setTitle("Unreadable request");
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.badRequest().body(invalid(List.of(error)));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> handleInvalidField(InvalidFieldException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(ex.field(), ex.getMessage()))));
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "These fields are not valid: " + fields + ".");
        problem.setTitle("Invalid request");
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
