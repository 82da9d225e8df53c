package io.touchpoint.monitoring;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/** Registers an installed router's serial numbers with the managed-service monitoring over HTTP. */
@Service
public class MonitoringClient {

    private final MonitoringProperties properties;
    private final RestClient http;

    public MonitoringClient(MonitoringProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.http = builder.requestFactory(requests).build();
    }

    public boolean isConfigured() {
        return properties.url() != null && !properties.url().isBlank();
    }

    /**
     * POSTs the registration; any answer but 2xx throws, so the job retries.
     *
     * @param idempotencyKey the same for every retry of one registration, so the receiver can ignore repeats
     */
    public void register(String orderNumber, String companyName, List<String> serialNumbers, String idempotencyKey) {
        http.post().uri(properties.url())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    headers.set("Idempotency-Key", idempotencyKey);
                    if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
                        headers.set("X-API-Key", properties.apiKey());
                    }
                })
                .body(Map.of("orderNumber", orderNumber, "customer", companyName, "serialNumbers", serialNumbers))
                .retrieve()
                .toBodilessEntity();
    }
}
