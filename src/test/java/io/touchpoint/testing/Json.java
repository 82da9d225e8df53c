package io.touchpoint.testing;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Request bodies for the API tests. */
public final class Json {

    private Json() {
    }

    /** A JSON body, with the API key header when one is given. */
    public static HttpEntity<String> body(String json, String apiKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (apiKey != null) {
            headers.set("X-API-Key", apiKey);
        }
        return new HttpEntity<>(json, headers);
    }
}
