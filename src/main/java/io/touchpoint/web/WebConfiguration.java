package io.touchpoint.web;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WebConfiguration {

    /**
     * The engine's REST API requires a login (HTTP Basic against the engine's users). The webapps use their own
     * API under /camunda/api and are not affected.
     */
    @Bean
    FilterRegistrationBean<org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter> engineRestLogin() {
        FilterRegistrationBean<org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider",
                org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setName("engineRestLogin");
        return registration;
    }

    /** Pages for administrators only. */
    @Bean
    FilterRegistrationBean<AdminOnlyFilter> adminOnlyPages(IdentityService identity) {
        return groupsOnly(identity, "adminOnlyPages", java.util.Set.of(Groups.CAMUNDA_ADMIN), "/mail", "/mail/*");
    }

    /** The knowledge base: pages and the staff API, for the people who support customers. */
    @Bean
    FilterRegistrationBean<AdminOnlyFilter> supportPages(IdentityService identity) {
        return groupsOnly(identity, "supportPages", java.util.Set.of(Groups.CAMUNDA_ADMIN, "tech-support",
                "tech-support-l2", "customer-care", "support-supervisor", "account-relations", "billing"),
                "/kb", "/kb/*", "/api/kb/*");
    }

    /** Pages for staff who look after customers: the outage notification list. */
    @Bean
    FilterRegistrationBean<AdminOnlyFilter> staffPages(IdentityService identity) {
        return groupsOnly(identity, "staffPages", java.util.Set.of(Groups.CAMUNDA_ADMIN, "client-services",
                "customer-care", "account-relations", "support-supervisor", "marketing"), "/outage-list", "/outage-list.csv");
    }

    /** HTTP Basic login for the URL patterns, admitting members of the groups only. */
    private static FilterRegistrationBean<AdminOnlyFilter> groupsOnly(IdentityService identity, String name,
                                                                      java.util.Set<String> groups, String... patterns) {
        FilterRegistrationBean<AdminOnlyFilter> registration =
                new FilterRegistrationBean<>(new AdminOnlyFilter(identity, groups));
        registration.addUrlPatterns(patterns);
        registration.setName(name);
        return registration;
    }
}
