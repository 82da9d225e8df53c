package io.touchpoint.web;

import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The errors Tomcat answers itself, before any servlet sees the request (a malformed or too long address, an
 * unreadable request line, an encoded slash or NUL), come as problem details too, instead of Tomcat's HTML page:
 * the host's error report valve is replaced by {@link ProblemReportValve}.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextLifecycleListeners(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && event.getLifecycle() instanceof Context context
                    && context.getParent() instanceof StandardHost host) {
                install(host);
            }
        });
    }

    private static synchronized void install(StandardHost host) {
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ProblemReportValve) {
                return;
            }
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ProblemReportValve());
    }

    /** Tomcat's error report as problem details, with no server information and no exception. */
    public static class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            String title = status == null ? "Error" : status.getReasonPhrase();
            String detail = code == 400 ? "The request is malformed."
                    : code >= 500 ? "Something went wrong on our side." : title + ".";
            String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + code + ",\"detail\":\""
                    + detail + "\"}";
            try {
                response.setCharacterEncoding((String) null);
                response.setContentType(Problems.CONTENT_TYPE);
                ServletOutputStream out = response.getOutputStream();
                out.write(json.getBytes(StandardCharsets.UTF_8));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the answer was begun already: nothing more to say
            }
        }
    }
}
