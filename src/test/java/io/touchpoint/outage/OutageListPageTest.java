package io.touchpoint.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** PST-04: the outage list is persistent, keeps one entry per address, and staff see and export it. */
@TouchpointSpringTest
class OutageListPageTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    OutageList outageList;

    @Autowired
    TestRestTemplate http;

    @Test
    void staffSeeAndExportTheListWithOneEntryPerAddress() {
        assertThat(outageList.add("Dana@Harbor.example", "Harbor Dental, Inc.", "O-2026-00310")).isTrue();
        assertThat(outageList.add("dana@harbor.example", "Harbor Dental, Inc.", "O-2026-00311")).isFalse();
        outageList.add("=cmd@evil.example", "=HYPERLINK(\"x\")", "O-2026-00312");
        outageList.add("multi@evil.example", "Acme\n\n=HYPERLINK(\"y\")", "O-2026-00313");

        assertThat(http.getForEntity("/outage-list", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("theo", "demo").getForEntity("/outage-list", String.class).getStatusCode())
                .as("technicians do not manage customer lists").isEqualTo(HttpStatus.UNAUTHORIZED);

        String page = http.withBasicAuth("carla", "demo").getForObject("/outage-list", String.class);
        assertThat(page).contains("dana@harbor.example").contains("Harbor Dental, Inc.");
        assertThat(page.split("dana@harbor.example", -1)).hasSize(2);

        ResponseEntity<String> csv = http.withBasicAuth("kim", "demo").getForEntity("/outage-list.csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("\"email\",\"company\",\"order\",\"added_at\"\r\n")
                .contains("\"dana@harbor.example\",\"Harbor Dental, Inc.\",\"O-2026-00310\",")
                .contains("\"'=cmd@evil.example\",\"'=HYPERLINK(\"\"x\"\")\"")
                .contains("\"multi@evil.example\",\"Acme\n\n'=HYPERLINK(\"\"y\"\")\",\"O-2026-00313\"");
        assertThat(csv.getBody().split("\r\n")).as("every record of the export starts with a plain email address")
                .allSatisfy(record -> assertThat(record.replace("\"", "")).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@"));
    }
}
