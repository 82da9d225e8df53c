package io.touchpoint.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs in against the engine's users (the same as in Camunda Admin): the password through
 * {@link IdentityService#checkPassword}, and the user's groups as authorities ({@code camunda-admin},
 * {@code customer-care}, ...). Every login goes through here: the login page, HTTP Basic on the APIs and the
 * webapps' own login form, so the {@link LoginThrottle} sees every attempt.
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;

    EngineUserAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String client = login.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
        throttle.refusal(client).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        String user = login.getName();
        Object password = login.getCredentials();
        if (user == null || user.isBlank() || !(password instanceof String text)
                || !identity.checkPassword(user, text)) {
            throttle.failed(client);
            throw new BadCredentialsException("Wrong user name or password");
        }
        List<GrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(group.getId())).toList();
        UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(user, null,
                groups);
        authenticated.setDetails(login.getDetails());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
