package io.touchpoint.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.DateTimeException;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Says which field of a JSON body could not be read, and why, in words a client developer understands. */
final class JsonInputErrors {

    record FieldError(String field, String message) {
    }

    static final String DATE_TIME = "must be a date and time with its offset, such as 2026-05-01T10:00:00Z";

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*?)'");

    private JsonInputErrors() {
    }

    /** The field at fault, or null when the body is not JSON at all (or the fault has no field). */
    static FieldError describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException parse && parse.getOriginalMessage() != null
                    && parse.getOriginalMessage().startsWith("Duplicate field")) {
                return new FieldError(duplicate(parse), "appears more than once");
            }
        }
        if (!(cause instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return null;
        }
        String field = path(mapping);
        if (cause instanceof UnrecognizedPropertyException) {
            return new FieldError(field, "is not a known field");
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new FieldError(field, "'" + format.getValue() + "' is not one of " + choices(format.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError(field, expected(mismatch.getTargetType()));
        }
        if (cause.getCause() instanceof DateTimeException || cause.getCause() instanceof ArithmeticException) {
            return new FieldError(field, DATE_TIME);
        }
        return new FieldError(field, "has the wrong type");
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + choices(type);
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return DATE_TIME;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    private static String choices(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    static String path(JsonMappingException e) {
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

    /** The duplicated key with the path of the object it is in, from the parser's position. */
    private static String duplicate(JsonParseException e) {
        JsonParser parser = e.getProcessor();
        if (parser != null && parser.getParsingContext() != null) {
            Deque<String> parts = new ArrayDeque<>();
            for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                 context = context.getParent()) {
                if (context.inObject() && context.getCurrentName() != null) {
                    parts.push("." + context.getCurrentName());
                } else if (context.inArray()) {
                    parts.push("[" + context.getCurrentIndex() + "]");
                }
            }
            String path = String.join("", parts);
            if (!path.isEmpty()) {
                return path.startsWith(".") ? path.substring(1) : path;
            }
        }
        Matcher name = DUPLICATE.matcher(e.getOriginalMessage());
        return name.find() ? name.group(1) : "";
    }
}
