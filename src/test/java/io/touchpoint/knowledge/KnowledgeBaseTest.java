package io.touchpoint.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.touchpoint.testing.TestSmtp;
import io.touchpoint.testing.TouchpointSpringTest;
import io.touchpoint.testing.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** SUP-07: support staff keep known problems in the knowledge base, and find them by the words of a ticket. */
@TouchpointSpringTest
class KnowledgeBaseTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeBase knowledgeBase;

    /**
     * The search ranks as it always did, on H2 and on PostgreSQL's full-text search alike: an article with the words in
     * its title or tags before one with them in its text only, one with more of the words before one with fewer, and
     * none without any; the category narrows it.
     */
    @Test
    void searchRanksTitleAndTagMatchesFirst() {
        long inText = knowledgeBase.create(new NewArticle("Handset keeps rebooting",
                "The zephyrmodem handset restarts every hour.", "Replace the handset.", "EQUIPMENT", List.of(), null), "tim");
        long inTitle = knowledgeBase.create(new NewArticle("Zephyrmodem drops the line",
                "Calls end after a minute.", "Update the firmware.", "EQUIPMENT", List.of("firmware"), null), "tim");
        long both = knowledgeBase.create(new NewArticle("Zephyrmodem firmware update fails",
                "The update stops halfway.", "Power-cycle, then update again.", "EQUIPMENT", List.of("zephyrmodem"), null),
                "tim");
        knowledgeBase.create(new NewArticle("Voicemail greeting is silent", "Callers hear nothing.",
                "Record the greeting again.", "EQUIPMENT", List.of(), null), "tim");

        assertThat(knowledgeBase.search("zephyrmodem firmware", "EQUIPMENT")).extracting(Article::id)
                .containsExactly(both, inTitle, inText);
        assertThat(knowledgeBase.search("zephyrmodem", "OUTAGE")).isEmpty();
        assertThat(knowledgeBase.search("zephyrmodem", null)).extracting(Article::id).startsWith(both, inTitle);
    }

    @Test
    void staffSaveArticlesAndFindThemByTheWordsOfATicket() {
        TestRestTemplate tim = http.withBasicAuth("tim", "demo");
        ResponseEntity<Map> created = post(tim, """
                {"title": "Phones show 'No service' after a power cut",
                 "symptoms": "Desk phones display No service; the router lights are amber.",
                 "workaround": "Restart the router first, then the PoE switch; phones register within two minutes.",
                 "category": "OUTAGE", "tags": ["router", "PoE"], "sourceTicket": "T-2026-00007"}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) created.getBody().get("id")).longValue();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/kb/articles/" + id);
        post(tim, """
                {"title": "Voicemail PIN reset", "symptoms": "The user forgot the voicemail PIN.",
                 "workaround": "Reset the PIN in the portal under Extensions.", "category": "ACCESS", "tags": ["voicemail"]}""");

        List<Map<String, Object>> found = tim.getForObject("/api/kb/articles?q=phones no service after the storm", List.class);
        assertThat(found).extracting(article -> article.get("title")).first()
                .isEqualTo("Phones show 'No service' after a power cut");
        Map<String, Object> article = tim.getForObject("/api/kb/articles/" + id, Map.class);
        assertThat(article).containsEntry("sourceTicket", "T-2026-00007").containsEntry("createdBy", "tim")
                .containsEntry("tags", List.of("router", "poe"));
        assertThat(tim.getForObject("/api/kb/articles?q=voicemail&category=OUTAGE", List.class)).isEmpty();

        WebSession browser = new WebSession(port);
        browser.logIn("tim", "demo");
        String page = browser.get("/kb?q=router").body();
        assertThat(page).contains("Phones show &#39;No service&#39; after a power cut");
        assertThat(browser.get("/kb/" + id).body()).contains("Restart the router first").contains("T-2026-00007");
    }

    @Test
    void badArticleIsRefusedNamingEachFieldAndSavesNothing() {
        TestRestTemplate kim = http.withBasicAuth("kim", "demo");
        int before = kim.getForObject("/api/kb/articles", List.class).size();

        ResponseEntity<Map> bad = post(kim, "{\"title\": \"\", \"symptoms\": \"x\", \"workaround\": \"y\", \"category\": \"WEATHER\"}");

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").toString()).contains("field=title").contains("field=category");
        assertThat(kim.getForObject("/api/kb/articles", List.class)).hasSize(before);
    }

    @Test
    void onlySupportStaffReachTheKnowledgeBase() {
        WebSession browser = new WebSession(port);
        assertThat(browser.get("/kb").headers().firstValue("Location")).as("to the login page")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(http.getForEntity("/api/kb/articles", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("theo", "demo").getForEntity("/api/kb/articles", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        browser.logIn("lars", "demo");
        assertThat(browser.get("/kb").statusCode()).isEqualTo(HttpStatus.OK.value());
    }

    private static ResponseEntity<Map> post(TestRestTemplate client, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity("/api/kb/articles", new HttpEntity<>(json, headers), Map.class);
    }
}
