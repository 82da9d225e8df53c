package io.touchpoint.notification;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.ParticipationLevel;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a {@link CalendarInvite} into an iCalendar request (RFC 5545 / 5546 iTIP) with biweekly. */
public final class CalendarInvites {

    /** The file name of the invite in the email. */
    public static final String FILE_NAME = "invite.ics";

    /** The content type mail clients recognise as an invitation they can add to the calendar. */
    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";

    static final String PRODUCT_ID = "-//Touchpoint//Touchpoint//EN";

    private CalendarInvites() {
    }

    /**
     * The invite as iCalendar text: {@code METHOD:REQUEST}, one event with the invite's uid, sequence, start, end,
     * title and location, the organizer and the attendees.
     *
     * @param organizer the sender, e.g. {@code Touchpoint <journey@touchpoint.example>}
     * @param required  attendees whose presence is required (the email's "to")
     * @param optional  optional attendees (the email's "cc")
     * @throws IllegalArgumentException when an address is not one
     */
    public static String request(CalendarInvite invite, String organizer, List<String> required, List<String> optional) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setMethod(Method.request());

        VEvent event = new VEvent();
        event.setUid(invite.uid());
        event.setSequence(invite.sequence());
        event.setDateStart(Date.from(invite.start()), true);
        event.setDateEnd(Date.from(invite.end()), true);
        if (invite.title() != null && !invite.title().isBlank()) {
            event.setSummary(invite.title());
        }
        if (invite.location() != null && !invite.location().isBlank()) {
            event.setLocation(invite.location());
        }
        event.setStatus(Status.confirmed());
        InternetAddress from = address(organizer);
        event.setOrganizer(new Organizer(from.getPersonal(), from.getAddress()));
        Set<String> invited = new HashSet<>();
        for (String to : required) {
            addAttendee(event, invited, to, ParticipationLevel.REQUIRED);
        }
        for (String cc : optional) {
            addAttendee(event, invited, cc, ParticipationLevel.OPTIONAL);
        }
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }

    /** Each address once: the first time it appears (a "to" before a "cc") decides whether it is required. */
    private static void addAttendee(VEvent event, Set<String> invited, String recipient, ParticipationLevel level) {
        InternetAddress address = address(recipient);
        if (invited.add(address.getAddress().toLowerCase(Locale.ROOT))) {
            event.addAttendee(attendee(address, level));
        }
    }

    private static Attendee attendee(InternetAddress address, ParticipationLevel level) {
        Attendee attendee = new Attendee(address.getPersonal(), address.getAddress());
        attendee.setParticipationLevel(level);
        attendee.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
        attendee.setRsvp(true);
        return attendee;
    }

    /** An address such as {@code ann@acme.example} or {@code Ann Lee <ann@acme.example>}. */
    static InternetAddress address(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("A calendar invite needs an organizer and attendees with an email address");
        }
        try {
            return new InternetAddress(address.trim(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an email address: '" + address + "'", e);
        }
    }
}
