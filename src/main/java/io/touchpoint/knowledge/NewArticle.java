package io.touchpoint.knowledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What {@code POST /api/kb/articles} accepts. Categories are the ticket categories of the SLA table. */
public record NewArticle(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String symptoms,
        @NotBlank @Size(max = 8000) String workaround,
        @NotBlank @Pattern(regexp = "OUTAGE|DEGRADED_SERVICE|EQUIPMENT|ACCESS|BILLING|MOVE_ADD_CHANGE|GENERAL",
                message = "must be one of OUTAGE, DEGRADED_SERVICE, EQUIPMENT, ACCESS, BILLING, MOVE_ADD_CHANGE, GENERAL")
        String category,
        @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags,
        @Size(max = 32) String sourceTicket) {
}
