package io.touchpoint.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A client that accepts {@code application/problem+json} is answered, not refused with 406: its errors come as
 * problem details, and the API's other answers as the JSON they are ({@code application/json}), which such a client
 * reads. Without this, {@code Accept: application/problem+json} matched no handler of the JSON APIs.
 */
@Configuration
class ProblemJsonNegotiation implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new HeaderContentNegotiationStrategy() {
            @Override
            public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
                List<MediaType> accepted = super.resolveMediaTypes(request);
                boolean problems = accepted.stream().anyMatch(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype);
                boolean json = accepted.stream().anyMatch(type -> type.includes(MediaType.APPLICATION_JSON));
                if (!problems || json) {
                    return accepted;
                }
                List<MediaType> withJson = new ArrayList<>(accepted);
                withJson.add(MediaType.APPLICATION_JSON);
                return withJson;
            }
        }));
    }
}
