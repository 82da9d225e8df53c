package io.touchpoint.web;

/**
 * Patterns of free text in requests, for {@code @Pattern}: one-line fields (names, subjects) take no control
 * characters (C0 and C1, such as NUL, escape, NEL) and no line or paragraph separators (U+2028, U+2029); multi-line
 * text (descriptions, comments) takes line breaks and tabs but no other control characters, which no database column
 * or email keeps.
 */
public final class Text {

    public static final String ONE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";
    public static final String ONE_LINE_MESSAGE = "must be on one line, without control characters";

    public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*";
    public static final String MULTI_LINE_MESSAGE = "must not contain control characters";

    private static final java.util.regex.Pattern MULTI_LINE_PATTERN = java.util.regex.Pattern.compile(MULTI_LINE);

    private Text() {
    }

    /** For forms validated by hand: whether the text keeps to {@link #MULTI_LINE}. */
    public static boolean isMultiLine(String text) {
        return MULTI_LINE_PATTERN.matcher(text).matches();
    }
}
