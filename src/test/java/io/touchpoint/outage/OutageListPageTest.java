package io.touchpoint.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.touchpoint.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** PST-04: the outage list is persistent, keeps one entry per address, and staff see and export it. */
@TouchpointSpringTest
class OutageListPageTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    OutageList outageList;

    @LocalServerPort
    int port;

    @Test
    void staffSeeAndExportTheListWithOneEntryPerAddress() {
        assertThat(outageList.add("Dana@Harbor.example", "Harbor Dental, Inc.", "O-2026-00310")).isTrue();
        assertThat(outageList.add("dana@harbor.example", "Harbor Dental, Inc.", "O-2026-00311")).isFalse();
        outageList.add("=cmd@evil.example", "=HYPERLINK(\"x\")", "O-2026-00312");
        outageList.add("multi@evil.example", "Acme\n\n=HYPERLINK(\"y\")", "O-2026-00313");

        assertThat(new WebSession(port).get("/outage-list").statusCode()).as("to the login page").isEqualTo(302);
        WebSession theo = new WebSession(port);
        theo.logIn("theo", "demo");
        assertThat(theo.get("/outage-list").statusCode())
                .as("technicians do not manage customer lists").isEqualTo(HttpStatus.FORBIDDEN.value());

        WebSession carla = new WebSession(port);
        carla.logIn("carla", "demo");
        String page = carla.get("/outage-list").body();
        assertThat(page).contains("dana@harbor.example").contains("Harbor Dental, Inc.");
        assertThat(page.split("dana@harbor.example", -1)).hasSize(2);

        WebSession kim = new WebSession(port);
        kim.logIn("kim", "demo");
        java.net.http.HttpResponse<String> csv = kim.get("/outage-list.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\"email\",\"company\",\"order\",\"added_at\"\r\n")
                .contains("\"dana@harbor.example\",\"Harbor Dental, Inc.\",\"O-2026-00310\",")
                .contains("\"'=cmd@evil.example\",\"'=HYPERLINK(\"\"x\"\")\"")
                .contains("\"multi@evil.example\",\"Acme\n\n'=HYPERLINK(\"\"y\"\")\",\"O-2026-00313\"");
        assertThat(csv.body().split("\r\n")).as("every record of the export starts with a plain email address")
                .allSatisfy(record -> assertThat(record.replace("\"", "")).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@"));
    }
}
