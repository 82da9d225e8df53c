package io.touchpoint.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication against the engine's users, admitting members of the given groups only
 * ({@code camunda-admin} by default). Guards the pages meant for administrators (captured mail) or staff
 * (outage list).
 */
public class AdminOnlyFilter extends OncePerRequestFilter {

    /** The request attribute naming the user who logged in, for pages that record who did something. */
    public static final String USER_ATTRIBUTE = "touchpoint.user";

    private final IdentityService identity;
    private final java.util.Set<String> groups;

    public AdminOnlyFilter(IdentityService identity) {
        this(identity, java.util.Set.of(Groups.CAMUNDA_ADMIN));
    }

    /** Admits members of any of the given groups. */
    public AdminOnlyFilter(IdentityService identity, java.util.Set<String> groups) {
        this.identity = identity;
        this.groups = groups;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEncoding) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                String user = decoded.substring(0, colon);
                if (identity.checkPassword(user, decoded.substring(colon + 1))
                        && identity.createGroupQuery().groupMember(user).groupIdIn(groups.toArray(String[]::new))
                                .count() > 0) {
                    request.setAttribute(USER_ATTRIBUTE, user);
                    chain.doFilter(request, response);
                    return;
                }
            }
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Touchpoint administration\", charset=\"UTF-8\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "An administrator's login is required");
    }
}
