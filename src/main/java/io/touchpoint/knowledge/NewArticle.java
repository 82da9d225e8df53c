package io.touchpoint.knowledge;

import io.touchpoint.web.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What {@code POST /api/kb/articles} accepts. Categories are the ticket categories of the SLA table. */
public record NewArticle(
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String title,
        @NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String symptoms,
        @NotBlank @Size(max = 8000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String workaround,
        @NotBlank @Pattern(regexp = "OUTAGE|DEGRADED_SERVICE|EQUIPMENT|ACCESS|BILLING|MOVE_ADD_CHANGE|GENERAL",
                message = "must be one of OUTAGE, DEGRADED_SERVICE, EQUIPMENT, ACCESS, BILLING, MOVE_ADD_CHANGE, GENERAL")
        String category,
        @Size(max = 10) List<@NotBlank @Size(max = 30) @Pattern(regexp = "[^,\\p{Cc}\\p{Zl}\\p{Zp}]*",
                message = "must be one tag: no commas, on one line") String> tags,
        @Size(max = 32) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String sourceTicket) {

    /**
     * The tags a person typed in one field, separated by commas ("Yealink, voicemail"): trimmed, blanks and control
     * characters dropped, each cut to 30 characters, at most 10, as the API would accept them.
     */
    public static List<String> tags(String typed) {
        if (typed == null) {
            return List.of();
        }
        return java.util.Arrays.stream(typed.split(","))
                .map(tag -> tag.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", " ").strip())
                .filter(tag -> !tag.isEmpty()).map(tag -> tag.length() <= 30 ? tag : tag.substring(0, 30).strip())
                .distinct().limit(10).toList();
    }
}
