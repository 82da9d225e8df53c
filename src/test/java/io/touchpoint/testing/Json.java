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

    /** A trouble ticket as a customer opens it through {@code POST /api/tickets}: a P2 outage of Ann Lee's. */
    public static String ticket(String requesterEmail) {
        return """
                {"subject": "Phones down at the front desk", "description": "All desk phones show No service.",
                 "category": "OUTAGE", "impact": "HIGH", "urgency": "MEDIUM", "requesterEmail": "%s",
                 "requesterName": "Ann Lee", "accountNumber": "ACC-2040", "channel": "PORTAL"}""".formatted(requesterEmail);
    }
}
