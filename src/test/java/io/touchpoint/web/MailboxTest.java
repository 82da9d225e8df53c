package io.touchpoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Mailbox}: one address the mail step takes, and nothing else. */
class MailboxTest {

    @ParameterizedTest
    @ValueSource(strings = {"ann@acme.example", "ann.lee+tickets@mail.acme.example", "o'neil@acme.example",
            "x_y-z@a-b.example", " ann@acme.example "})
    void oneMailboxIsTaken(String address) {
        assertThat(Mailbox.Validator.isMailbox(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a;b\"@example.org", "a;b@example.org", "Ann <ann@acme.example>", "ann@acme.example, bob@acme.example",
            "group: ann@acme.example;", "ann@localhost", "ann@@acme.example", "ann@acme..example", ".ann@acme.example",
            "ann.@acme.example", "ann@-acme.example", "ann@acme.example\r\nBcc: eve@evil.example", "ann(x)@acme.example",
            "ann lee@acme.example", "ann@[127.0.0.1]", "ånn@acme.example", "", "@acme.example", "ann@"})
    void anythingElseIsNot(String address) {
        assertThat(Mailbox.Validator.isMailbox(address)).isFalse();
    }
}
