package io.touchpoint.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.touchpoint.support.email.InboundMail;
import io.touchpoint.support.email.InboundMails;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customer care's support mailbox page (SUP-14) in a real browser: the emails that opened no ticket first, with the
 * reason, at 1280 px and on a 390 px phone; Kim opens a ticket from one and dismisses another.
 */
class SupportInboxBrowserIT extends BrowserTestSupport {

    @Autowired
    InboundMails mails;

    @Test
    void customerCareSeesWhyAnEmailOpenedNoTicketAndOpensOneFromIt() {
        String sender = "olga-" + UUID.randomUUID().toString().substring(0, 8) + "@harbor-phones.example";
        InboundMail reply = keep(sender, "Re: our call yesterday about the conference room phones and the new "
                + "extensions for the second floor", "A reply to one of Touchpoint's emails that names no ticket "
                + "number in its subject.");
        InboundMail away = keep("noreply-" + UUID.randomUUID().toString().substring(0, 8) + "@harbor-phones.example",
                "Out of office: back on Monday", "An automatic mail (Auto-Submitted: auto-replied), such as an "
                        + "out-of-office reply: it would answer our answer forever.");

        Page page = newPage(1280, 900);
        page.navigate(url("/support/inbox"));
        logIn(page, "kim", DEMO_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Support mailbox"))).isVisible();
        Locator replyRow = page.locator("#mail-" + reply.id());
        assertThat(replyRow).containsText("names no ticket number");
        assertThat(replyRow).containsText("Not opened");
        assertThat(replyRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open a ticket")))
                .isVisible();
        assertNoSidewaysScroll(page, 1280);
        screenshot(page, "support-inbox-1280");

        Page phone = newPage(390, 844);
        phone.navigate(url("/support/inbox"));
        logIn(phone, "kim", DEMO_PASSWORD);
        assertThat(phone.locator("#mail-" + away.id())).containsText("Out of office: back on Monday");
        assertNoSidewaysScroll(phone, 390);
        screenshot(phone, "support-inbox-phone-390");

        replyRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open a ticket")).click();
        assertThat(page.locator("p.notice")).containsText("is open for mail " + reply.id());
        assertThat(page.locator("#mail-" + reply.id())).containsText("Opened a ticket");
        assertThat(page.locator("#mail-" + reply.id()).getByRole(AriaRole.BUTTON)).hasCount(0);
        page.locator("#mail-" + away.id()).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Dismiss")).click();
        assertThat(page.locator("p.notice")).containsText("Mail " + away.id() + " is dismissed");
        screenshot(page, "support-inbox-after-1280");
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }

    private InboundMail keep(String sender, String subject, String reason) {
        String messageId = "<" + UUID.randomUUID() + "@harbor-phones.example>";
        byte[] raw = ("From: " + sender + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
                + "\r\n\r\nThanks, the phones work again.\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(mails.keep(messageId, messageId, sender, null, subject, Instant.now(), raw.length, raw, reason))
                .isTrue();
        return mails.findByMessageKey(messageId).orElseThrow();
    }

}
