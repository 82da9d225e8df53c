package io.touchpoint.web;

import jakarta.servlet.http.HttpServletRequest;

/** Which part of the application a request is for: Touchpoint's own APIs and pages, or Camunda's. */
public final class Paths {

    private Paths() {
    }

    /** The path within the application, without the context path and without the query. */
    public static String of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    }

    /** Touchpoint's JSON APIs: every answer, errors included, is JSON there. */
    public static boolean api(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** The Camunda webapps and the engine's REST API, which have their own error handling and limits. */
    public static boolean camunda(String path) {
        return path.startsWith("/camunda/") || path.equals("/camunda") || path.startsWith("/engine-rest/")
                || path.equals("/engine-rest");
    }
}
