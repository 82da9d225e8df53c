package io.touchpoint.portal;

import io.touchpoint.security.LoginThrottle;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The customer portal's own login, before every staff chain of {@code io.touchpoint.security.SecurityConfiguration}:
 * {@code /portal/**} only, against the portal's accounts ({@link PortalAccounts}), never the engine's users. Customers
 * and staff share no identity: a customer's login is kept in the session under a key of its own and carries the role
 * {@code CUSTOMER}, which no staff login has; a staff login in the same browser opens no portal page, and a customer's
 * opens no staff page. Form login at {@code /portal/login} (failed attempts throttled per client by the staff login's
 * {@link LoginThrottle}), logout (of the customer only: a staff login in the same browser stays), CSRF on every form
 * (with a token of its own), the same security headers as Touchpoint's pages.
 */
@Configuration
class PortalSecurityConfiguration {

    /** The session attribute holding a customer's login (the staff login has Spring Security's default key). */
    static final String CONTEXT_KEY = "TOUCHPOINT_PORTAL_SECURITY_CONTEXT";
    static final String CUSTOMER = "CUSTOMER";
    /** Request attribute: seconds a throttled client must wait, set before the forward to the throttled page. */
    static final String RETRY_AFTER_SECONDS = PortalSecurityConfiguration.class.getName() + ".retryAfterSeconds";
    /** Pages anyone opens: the login, registration and the links of the portal's emails. */
    static final String[] PUBLIC = {"/portal/login", "/portal/login/too-many-attempts", "/portal/register",
            "/portal/password", "/portal/password-reset", "/portal/portal.css"};

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private final PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();

    @Bean
    @Order(0)
    SecurityFilterChain portal(HttpSecurity http, PortalAccounts accounts, LoginThrottle throttle) throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
        HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();
        savedRequests.setSessionAttrName("TOUCHPOINT_PORTAL_SAVED_REQUEST");
        savedRequests.setMatchingRequestParameterName(null);
        // a token of its own: a portal login or logout never replaces the token of a staff page open in the browser
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        csrfTokens.setSessionAttributeName("TOUCHPOINT_PORTAL_CSRF_TOKEN");
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/portal"), paths.matcher("/portal/**")))
                .authenticationManager(customers(accounts, throttle))
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(savedRequests))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(java.util.Arrays.stream(PUBLIC).map(paths::matcher)
                                .toArray(org.springframework.security.web.util.matcher.RequestMatcher[]::new)).permitAll()
                        .anyRequest().hasRole(CUSTOMER))
                .formLogin(login -> login.loginPage("/portal/login").loginProcessingUrl("/portal/login")
                        .usernameParameter("email").defaultSuccessUrl("/portal").failureHandler(loginFailure()))
                // a staff login in the same browser shares the HTTP session: the portal's logout ends the customer's
                // login (its context, its CSRF token) and leaves the session and the staff login alone
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout")
                        .invalidateHttpSession(false).addLogoutHandler((request, response, authentication) -> {
                            if (request.getSession(false) != null) {
                                request.getSession(false).removeAttribute(CONTEXT_KEY);
                            }
                        }))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /** The portal's accounts, through Spring Security's standard provider, behind the login throttle. */
    private static AuthenticationManager customers(PortalAccounts accounts, LoginThrottle throttle) {
        UserDetailsService users = email -> accounts.byEmail(email)
                .filter(PortalAccount::confirmed)
                .map(account -> User.withUsername(account.email()).password(account.passwordHash())
                        .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + CUSTOMER))).build())
                .orElseThrow(() -> new UsernameNotFoundException("No portal account"));
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(PortalRegistration.PASSWORDS);
        return new ProviderManager(new Throttled(passwords, throttle));
    }

    /** Refuses a throttled client before any password is checked; counts each failed login. */
    private record Throttled(AuthenticationProvider delegate, LoginThrottle throttle) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication login) {
            String client = login.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
            throttle.refusal(client).ifPresent(wait -> {
                throw new PortalLoginThrottled(wait.toSeconds() + 1);
            });
            try {
                return delegate.authenticate(login);
            } catch (AuthenticationException failed) {
                throttle.failed(client);
                throw new BadCredentialsException("Wrong email or password");
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    /** Too many failed logins from the client: it waits, its password unchecked. */
    static final class PortalLoginThrottled extends AuthenticationException {

        final long retryAfterSeconds;

        PortalLoginThrottled(long retryAfterSeconds) {
            super("Too many failed logins");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** A wrong password: the login page with its message; throttled: 429 with {@code Retry-After} and the page. */
    private static AuthenticationFailureHandler loginFailure() {
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/portal/login?error");
        return (request, response, failure) -> {
            if (failure instanceof PortalLoginThrottled throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds));
                request.setAttribute(RETRY_AFTER_SECONDS, throttled.retryAfterSeconds);
                request.getRequestDispatcher("/portal/login/too-many-attempts").forward(request, response);
            } else {
                wrongPassword.onAuthenticationFailure(request, response, failure);
            }
        };
    }
}
