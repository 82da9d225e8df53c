package io.touchpoint.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.Ordered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API ({@code /engine-rest}) answers its errors without SQL, stack traces or exception class names:
 * Camunda's exception mappers are replaced by one that keeps the status the engine gives a client's mistake (400,
 * 403, 404; 409 for a change that collided with another) with the engine's message, and answers anything else with
 * 500, a general message and a reference under which the whole exception is logged. The body keeps Camunda's shape,
 * {@code {"type", "message"}}, with {@code type} a kind of error, not a class.
 * <p>
 * The webapps' own engine API ({@code /camunda/api/engine}, what Tasklist and Cockpit call) answers the same way: its
 * servlet is registered here, under the name the webapp starter would give it, so the starter leaves it to us.
 */
@Configuration
class EngineRestErrors {

    /** Replaces the starter's Jersey configuration ({@code @ConditionalOnMissingBean}). */
    @Bean
    CamundaJerseyResourceConfig engineRestResourceConfig() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerCamundaRestResources() {
                registerClasses(CamundaRestResources.getResourceClasses());
                registerClasses(CamundaRestResources.getConfigurationClasses().stream()
                        .filter(type -> !CAMUNDA_MAPPERS.contains(type)).collect(Collectors.toSet()));
                register(JacksonFeature.withoutExceptionMappers());
                register(new Mapper());
            }
        };
    }

    /**
     * The webapps' engine API, as the webapp starter registers it ({@code "Engine Api"}, a Jersey servlet of Camunda's
     * {@link EngineRestApplication}), but answering errors with {@link Mapper}. Registered first, so the starter,
     * finding a servlet of that name, registers none.
     */
    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties camunda) {
        ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(new ServletContainer(),
                camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setName("Engine Api");
        registration.addInitParameter("jakarta.ws.rs.Application", WebappEngineApplication.class.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Camunda's webapp engine API with {@link Mapper} in place of Camunda's and Jersey's exception mappers. */
    public static class WebappEngineApplication extends EngineRestApplication {

        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classes = super.getClasses().stream().filter(type -> !CAMUNDA_MAPPERS.contains(type))
                    .collect(Collectors.toCollection(java.util.HashSet::new));
            classes.add(Mapper.class);
            return classes;
        }

        @Override
        public Set<Object> getSingletons() {
            return Set.of(JacksonFeature.withoutExceptionMappers());
        }
    }

    private static final Set<Class<?>> CAMUNDA_MAPPERS = Set.of(ExceptionHandler.class,
            ProcessEngineExceptionHandler.class, RestExceptionHandler.class, JsonMappingExceptionHandler.class,
            JsonParseExceptionHandler.class);

    /** The one exception mapper of the engine's REST API and of the webapps' engine API. */
    public static class Mapper implements ExceptionMapper<Throwable> {

        private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

        static final String COLLISION = "The data was changed by someone else at the same moment: reload and try again.";

        /** Text that gives away the inside: SQL, MyBatis, stack frames, exception class names. */
        private static final Pattern INSIDE = Pattern.compile(
                "(?i)###|\\bsql\\b|\\bselect\\b.+\\bfrom\\b|\\binsert into\\b|\\bupdate\\b.+\\bset\\b|\\n\\s*at |"
                        + "(?-i)\\b\\w+(Exception|Error)\\b");
        /** A qualified Java class name, such as java.lang.Integer: said as its simple name. */
        private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

        @Override
        public Response toResponse(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                Response.Status status = clientStatus(t);
                if (status != null) {
                    return answer(status, kind(status), status == Response.Status.CONFLICT ? COLLISION
                            : message(t, status), null);
                }
            }
            if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 400) {
                return web.getResponse();
            }
            if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
                Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
                String reason = status == null ? "The request was refused." : status.getReasonPhrase() + ".";
                return answer(status == null ? Response.Status.BAD_REQUEST : status, "InvalidRequest", reason, null);
            }
            String reference = UUID.randomUUID().toString();
            log.error("Engine REST API error (reference {})", reference, thrown);
            return answer(Response.Status.INTERNAL_SERVER_ERROR, "ServerError",
                    "The engine could not do this. If it happens again, tell us the reference " + reference + ".",
                    reference);
        }

        /** The status of a client's mistake, or null when the exception is none. */
        private static Response.Status clientStatus(Throwable t) {
            if (t instanceof OptimisticLockingException) {
                return Response.Status.CONFLICT;
            }
            if (t instanceof AuthorizationException) {
                return Response.Status.FORBIDDEN;
            }
            if (t instanceof NotFoundException) {
                return Response.Status.NOT_FOUND;
            }
            if (t instanceof BadUserRequestException || t instanceof NullValueException || t instanceof ParseException
                    || t instanceof FormFieldValidationException || t instanceof MigrationPlanValidationException
                    || t instanceof MigratingProcessInstanceValidationException || t instanceof JsonProcessingException) {
                return Response.Status.BAD_REQUEST;
            }
            if (t instanceof RestException rest && rest.getStatus() != null && rest.getStatus().getStatusCode() < 500) {
                return rest.getStatus();
            }
            return null;
        }

        private static String kind(Response.Status status) {
            return switch (status) {
                case FORBIDDEN -> "Forbidden";
                case NOT_FOUND -> "NotFound";
                case CONFLICT -> "Conflict";
                default -> "InvalidRequest";
            };
        }

        /** The exception's own message when it says only what the client did wrong; a general one otherwise. */
        private static String message(Throwable t, Response.Status status) {
            if (t instanceof JsonProcessingException) {
                return "The request body is not valid JSON.";
            }
            String message = t.getMessage() == null ? null : CLASS_NAME.matcher(t.getMessage()).replaceAll("$1");
            if (message == null || message.isBlank() || INSIDE.matcher(message).find()) {
                return status == Response.Status.FORBIDDEN ? "You may not do this."
                        : status == Response.Status.NOT_FOUND ? "There is no such thing." : "The request is not valid.";
            }
            return message.length() > 2000 ? message.substring(0, 2000) + "..." : message;
        }

        private static Response answer(Response.Status status, String kind, String message, String reference) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", kind);
            body.put("message", message);
            if (reference != null) {
                body.put("reference", reference);
            }
            return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
    }
}
