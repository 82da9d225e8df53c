package io.touchpoint.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationLevel;
import biweekly.property.Attendee;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The iCalendar request of an invite, read back with biweekly as a mail client would. */
class CalendarInvitesTest {

    static final Instant START = OffsetDateTime.parse("2026-12-03T10:00-05:00").toInstant();

    @Test
    void inviteIsARequestWithStartEndUidSequenceOrganizerAndAttendees() {
        CalendarInvite invite = new CalendarInvite("pi-42-Task_Install@touchpoint", 2, START, Duration.ofMinutes(90),
                "Installation of your phones", "Acme Dental, 12 Main St");

        String ics = CalendarInvites.request(invite, "Touchpoint <journey@touchpoint.example>",
                List.of("Ann Lee <ann@acme.example>"), List.of("bob@acme.example"));

        assertThat(ics).contains("METHOD:REQUEST");
        List<ICalendar> calendars = Biweekly.parse(ics).all();
        assertThat(calendars).hasSize(1);
        ICalendar calendar = calendars.get(0);
        assertThat(calendar.getMethod().isRequest()).isTrue();
        assertThat(calendar.getEvents()).hasSize(1);
        VEvent event = calendar.getEvents().get(0);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-03T16:30:00Z"));
        assertThat(event.getDateStart().getValue().hasTime()).isTrue();
        assertThat(event.getUid().getValue()).isEqualTo("pi-42-Task_Install@touchpoint");
        assertThat(event.getSequence().getValue()).isEqualTo(2);
        assertThat(event.getSummary().getValue()).isEqualTo("Installation of your phones");
        assertThat(event.getLocation().getValue()).isEqualTo("Acme Dental, 12 Main St");
        assertThat(event.getDateTimeStamp()).isNotNull();
        assertThat(event.getOrganizer().getEmail()).isEqualTo("journey@touchpoint.example");
        assertThat(event.getOrganizer().getCommonName()).isEqualTo("Touchpoint");
        assertThat(event.getAttendees()).extracting(Attendee::getEmail)
                .containsExactly("ann@acme.example", "bob@acme.example");
        assertThat(event.getAttendees()).extracting(Attendee::getParticipationLevel)
                .containsExactly(ParticipationLevel.REQUIRED, ParticipationLevel.OPTIONAL);
        assertThat(event.getAttendees().get(0).getCommonName()).isEqualTo("Ann Lee");
        assertThat(event.getAttendees()).allSatisfy(a -> assertThat(a.getRsvp()).isTrue());
    }

    @Test
    void untitledInviteHasNoSummaryUntilTheEmailGivesItItsSubject() {
        CalendarInvite invite = new CalendarInvite("u@touchpoint", 0, START, null, null, null);
        assertThat(invite.duration()).isEqualTo(Duration.ofMinutes(60));

        VEvent bare = Biweekly.parse(CalendarInvites.request(invite, "journey@touchpoint.example",
                List.of("ann@acme.example"), List.of())).first().getEvents().get(0);
        assertThat(bare.getSummary()).isNull();
        assertThat(bare.getLocation()).isNull();
        assertThat(bare.getSequence().getValue()).isZero();
        assertThat(bare.getOrganizer().getCommonName()).isNull();

        VEvent titled = Biweekly.parse(CalendarInvites.request(invite.titledIfUntitled("Your discovery meeting"),
                "journey@touchpoint.example", List.of("ann@acme.example"), List.of())).first().getEvents().get(0);
        assertThat(titled.getSummary().getValue()).isEqualTo("Your discovery meeting");
    }

    @Test
    void everyoneIsInvitedOnceAndARecipientInToAndCcIsRequired() {
        CalendarInvite invite = new CalendarInvite("u@touchpoint", 0, START, null, "Welcome call", null);
        VEvent event = Biweekly.parse(CalendarInvites.request(invite, "journey@touchpoint.example",
                List.of("ann@acme.example", "Ann Lee <ANN@acme.example>", "it@acme.example"),
                List.of("it@acme.example", "tech@touchpoint.example"))).first().getEvents().get(0);
        assertThat(event.getAttendees()).extracting(Attendee::getEmail)
                .containsExactly("ann@acme.example", "it@acme.example", "tech@touchpoint.example");
        assertThat(event.getAttendees()).extracting(Attendee::getParticipationLevel).containsExactly(
                ParticipationLevel.REQUIRED, ParticipationLevel.REQUIRED, ParticipationLevel.OPTIONAL);
    }

    @Test
    void inviteRefusesWhatNoCalendarCouldShow() {
        assertThatThrownBy(() -> new CalendarInvite(" ", 0, START, null, null, null)).hasMessageContaining("uid");
        assertThatThrownBy(() -> new CalendarInvite("u", -1, START, null, null, null)).hasMessageContaining("sequence");
        assertThatThrownBy(() -> new CalendarInvite("u", 0, null, null, null, null)).hasMessageContaining("start");
        assertThatThrownBy(() -> new CalendarInvite("u", 0, START, Duration.ZERO, null, null))
                .hasMessageContaining("duration");
        CalendarInvite invite = new CalendarInvite("u", 0, START, null, null, null);
        assertThatThrownBy(() -> CalendarInvites.request(invite, "journey@touchpoint.example", List.of("not an address"),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an address");
    }
}
