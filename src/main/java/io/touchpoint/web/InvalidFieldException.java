package io.touchpoint.web;

/** A request field that is invalid in a way annotations cannot say; answered as 400 problem details. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
