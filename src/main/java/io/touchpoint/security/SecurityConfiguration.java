package io.touchpoint.security;

import static io.touchpoint.identity.Roles.ACCOUNT_RELATIONS;
import static io.touchpoint.identity.Roles.ANALYST;
import static io.touchpoint.identity.Roles.BILLING;
import static io.touchpoint.identity.Roles.CLIENT_SERVICES;
import static io.touchpoint.identity.Roles.CUSTOMER_CARE;
import static io.touchpoint.identity.Roles.MARKETING;
import static io.touchpoint.identity.Roles.SALES_MANAGER;
import static io.touchpoint.identity.Roles.SUPPORT_SUPERVISOR;
import static io.touchpoint.identity.Roles.TECH_SUPPORT;
import static io.touchpoint.identity.Roles.TECH_SUPPORT_L2;
import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for Touchpoint's pages, its APIs and the Camunda webapps, against the engine's users and groups
 * ({@link EngineUserAuthenticationProvider}), with failed logins throttled per client ({@link LoginThrottle}).
 * Four filter chains, first match wins, after the customer portal's own ({@code /portal/**}, see
 * {@code io.touchpoint.portal.PortalSecurityConfiguration}, whose customers are never engine users):
 * <ol>
 * <li>{@code /camunda/**}, the webapps: their pages need the login of {@code /login} (the session is shared through
 * Camunda's container-based authentication); their API, CSRF protection and headers are Camunda's own.</li>
 * <li>{@code /engine-rest/**}, the engine's REST API for integrations: HTTP Basic only, stateless, no session (so
 * no browser session can be used against it from another site); the engine applies the user's authorizations.</li>
 * <li>{@code /api/kb/**}, the knowledge base API for support staff: HTTP Basic for scripts, or the browser
 * session.</li>
 * <li>everything else: Touchpoint's pages and public APIs; staff pages need the session of {@code /login}, never a
 * Basic dialog; every form carries a CSRF token.</li>
 * </ol>
 */
@Configuration
class SecurityConfiguration {

    /** Who opens the captured mail: administrators. */
    static final String[] MAIL = {CAMUNDA_ADMIN};
    /** Who opens the knowledge base, pages and API: the people who support customers. */
    static final String[] KNOWLEDGE_BASE = {CAMUNDA_ADMIN, TECH_SUPPORT, TECH_SUPPORT_L2, CUSTOMER_CARE,
            SUPPORT_SUPERVISOR, ACCOUNT_RELATIONS, BILLING};
    /** Who opens the outage notification list and its CSV export: staff who look after customers. */
    static final String[] OUTAGE_LIST = {CAMUNDA_ADMIN, CLIENT_SERVICES, CUSTOMER_CARE, ACCOUNT_RELATIONS,
            SUPPORT_SUPERVISOR, MARKETING};
    /** Who opens the managers' KPI dashboard, its API and CSV export: managers, analysts and administrators. */
    static final String[] KPIS = {CAMUNDA_ADMIN, SALES_MANAGER, SUPPORT_SUPERVISOR, ANALYST};

    /** Who sees the support mailbox's kept emails and decides about them (SUP-14): customer care. */
    static final String[] SUPPORT_INBOX = {CAMUNDA_ADMIN, CUSTOMER_CARE, SUPPORT_SUPERVISOR};
    /** Who downloads the files that came with a ticket's emails: the people who support customers. */
    static final String[] TICKET_FILES = KNOWLEDGE_BASE;

    /** Who links customer portal logins to companies: customer care and the support supervisor. */
    static final String[] CUSTOMER_ACCOUNTS = {CAMUNDA_ADMIN, CUSTOMER_CARE, SUPPORT_SUPERVISOR};

    /** The policy of Touchpoint's own pages: scripts and styles from Touchpoint only, framed by itself only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'self'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    private static final String ENGINE_REST = "/engine-rest";

    private final PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    private final String webapps;

    SecurityConfiguration(CamundaBpmProperties camunda) {
        this.webapps = camunda.getWebapp().getApplicationPath();
    }

    @Bean
    AuthenticationManager authenticationManager(EngineUserAuthenticationProvider engineUsers) {
        return new ProviderManager(engineUsers);
    }

    @Bean
    @Order(1)
    SecurityFilterChain webapps(HttpSecurity http, AuthenticationManager authentication, SecurityProblems problems)
            throws Exception {
        return http.securityMatcher(paths.matcher(webapps + "/**"))
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(webapps + "/app/**")).authenticated()
                        // the webapps' API answers for itself (401 without a login, the user's authorizations)
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .addFilterAfter(new WebappSessionFilter(webapps, authentication, problems), LogoutFilter.class)
                // Camunda's own: the XSRF-TOKEN cookie with its CsrfPreventionFilter, and its nonce-based headers
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, AuthenticationManager authentication, SecurityProblems problems)
            throws Exception {
        return basicApi(http.securityMatcher(paths.matcher(ENGINE_REST + "/**")), authentication, problems)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // HTTP Basic on every request, nothing kept: a browser's session does not open the engine's API
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // no cookies, no ambient credentials (no Basic dialog is ever shown): nothing for CSRF to protect
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain knowledgeBaseApi(HttpSecurity http, AuthenticationManager authentication,
                                         SecurityProblems problems) throws Exception {
        return basicApi(http.securityMatcher(paths.matcher("/api/kb/**")), authentication, problems)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(KNOWLEDGE_BASE))
                // a script's Basic login is sent on purpose, never by a browser on its own: only the session needs
                // CSRF (without a session, or with Basic, there is no ambient credential to abuse: a stranger gets 401)
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                        .ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
                                || request.getSession(false) == null))
                .headers(this::touchpointHeaders)
                .build();
    }

    /** An API for HTTP Basic clients: security's answers are problem details, nothing is saved for after a login. */
    private static HttpSecurity basicApi(HttpSecurity http, AuthenticationManager authentication,
                                         SecurityProblems problems) throws Exception {
        return http.authenticationManager(authentication)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .logout(AbstractHttpConfigurer::disable);
    }

    @Bean
    @Order(4)
    SecurityFilterChain touchpoint(HttpSecurity http, AuthenticationManager authentication, SecurityProblems problems)
            throws Exception {
        RequestMatcher api = paths.matcher("/api/**");
        AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
        deniedPage.setErrorPage("/access-denied");
        return http.securityMatcher(AnyRequestMatcher.INSTANCE)
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        // Touchpoint's own forwards (access denied, throttled login) and error pages
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(paths.matcher("/mail"), paths.matcher("/mail/**")).hasAnyAuthority(MAIL)
                        .requestMatchers(paths.matcher("/kb"), paths.matcher("/kb/**")).hasAnyAuthority(KNOWLEDGE_BASE)
                        .requestMatchers(paths.matcher("/outage-list"), paths.matcher("/outage-list.csv"))
                        .hasAnyAuthority(OUTAGE_LIST)
                        .requestMatchers(paths.matcher("/support/inbox"), paths.matcher("/support/inbox/**"))
                        .hasAnyAuthority(SUPPORT_INBOX)
                        .requestMatchers(paths.matcher("/support/tickets/**")).hasAnyAuthority(TICKET_FILES)
                        .requestMatchers(paths.matcher("/kpis"), paths.matcher("/kpis/**"), paths.matcher("/api/kpis"),
                                paths.matcher("/api/kpis.csv"), paths.matcher("/api/kpis/**")).hasAnyAuthority(KPIS)
                        .requestMatchers(paths.matcher("/customer-accounts"), paths.matcher("/customer-accounts/**"))
                        .hasAnyAuthority(CUSTOMER_ACCOUNTS)
                        // customers' pages and APIs, the quote form, the login page, health
                        .anyRequest().permitAll())
                // a login without a page to go back to lands in Tasklist, where staff work
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl(webapps + "/app/tasklist/")
                        .failureHandler(loginFailure(problems)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        // a page refused to a script (no Accept: text/html) gets problem details, a browser the page
                        .defaultAccessDeniedHandlerFor(problems, new NegatedRequestMatcher(SecurityConfiguration::browser))
                        .defaultAccessDeniedHandlerFor(deniedPage, AnyRequestMatcher.INSTANCE))
                // Every form of Touchpoint's pages carries the session's token (Thymeleaf's th:action adds it): the
                // tracking page's reply and confirmation, the survey, the demo sign and pay pages, the login. The
                // public JSON APIs need none: they act only with a secret the caller sends on purpose (a tracking or
                // survey token, the events API key, or nothing but new data for a quote or ticket), never with a
                // cookie or other credential a browser would add by itself.
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()).ignoringRequestMatchers(api))
                .headers(this::touchpointHeaders)
                .build();
    }

    /** Whether a browser asks, wanting a page ({@code Accept: text/html}). */
    private static boolean browser(jakarta.servlet.http.HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    /**
     * After a wrong password, the login page again with its message; when the client is throttled, the login page
     * answers 429 with {@code Retry-After} without the password having been checked.
     */
    private static AuthenticationFailureHandler loginFailure(SecurityProblems problems) {
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, failure) -> {
            if (failure instanceof LoginThrottledException throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                request.setAttribute(LoginController.RETRY_AFTER_SECONDS, throttled.retryAfterSeconds());
                request.getRequestDispatcher("/login/too-many-attempts").forward(request, response);
            } else {
                wrongPassword.onAuthenticationFailure(request, response, failure);
            }
        };
    }

    /**
     * Security headers of Touchpoint's pages and APIs: the content security policy, no sniffing, framed only by
     * Touchpoint, and no referrer beyond Touchpoint; none at all from the customer pages that carry their secret
     * token in the address.
     */
    private void touchpointHeaders(HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher tokenInAddress = new OrRequestMatcher(paths.matcher("/track"), paths.matcher("/track/**"),
                paths.matcher("/survey/**"), paths.matcher("/install-date"), paths.matcher("/install-date/**"));
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin)
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(tokenInAddress,
                        new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(tokenInAddress),
                        new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN)));
    }

    /**
     * The webapps take the user of the shared session: Camunda's container-based authentication, after the Spring
     * Security filter chain, reads the request's principal and gives the webapps that user with their groups.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsLogin() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                containerBased(new ContainerBasedAuthenticationFilter(), "webappsLogin");
        registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
        return registration;
    }

    /** The engine's REST API takes the user of HTTP Basic and applies that user's authorizations. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestLogin() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                containerBased(new ProcessEngineAuthenticationFilter(), "engineRestLogin");
        registration.addUrlPatterns(ENGINE_REST + "/*");
        return registration;
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> containerBased(F filter, String name) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        // after the Spring Security filter chain, which puts the user into the request
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
