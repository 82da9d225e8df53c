package io.touchpoint.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.calendar.BusinessCalendar;
import io.touchpoint.testing.ProcessTestBeans;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A journey task's priority follows its due date; its name tells the customer and the numbers. */
class JourneyTaskCardsTest {

    private final BusinessCalendar calendar = new BusinessCalendar(ProcessTestBeans.CALENDAR);
    private final JourneyTaskCards cards = new JourneyTaskCards(calendar);

    @Test
    void theSoonerDueTheHigherThePriorityAllBelowEscalated() {
        Instant now = calendar.now();
        Instant endOfToday = calendar.plusBusinessDays(now, 0);
        Instant endOfTomorrow = calendar.plusBusinessDays(now, 1);

        assertThat(cards.priority(now.minus(Duration.ofHours(1)))).as("late already").isEqualTo(70);
        assertThat(cards.priority(endOfToday)).isEqualTo(70);
        assertThat(cards.priority(endOfToday.plusSeconds(1))).isEqualTo(60);
        assertThat(cards.priority(endOfTomorrow)).isEqualTo(60);
        assertThat(cards.priority(endOfTomorrow.plusSeconds(1))).isEqualTo(50);
        assertThat(cards.priority(null)).as("no due date").isEqualTo(50);
    }

    @Test
    void theNameCarriesCompanyAndNumbersAndFitsTheEnginesColumn() {
        assertThat(JourneyTaskCards.name(Arrays.asList("Hold the welcome call", "Acme Dental", "Q-2026-00001", null)))
                .isEqualTo("Hold the welcome call · Acme Dental · Q-2026-00001");
        assertThat(JourneyTaskCards.name(Arrays.asList("Hold the welcome call", "A".repeat(300), "Q-2026-00001")))
                .hasSize(255).endsWith("…");
    }
}
