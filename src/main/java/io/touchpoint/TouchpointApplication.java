package io.touchpoint;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Touchpoint: a business customer's journey with a telecom provider, run as BPMN on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TouchpointApplication {

    public static void main(String[] args) {
        SpringApplication.run(TouchpointApplication.class, args);
    }
}
