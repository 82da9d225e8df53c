package io.touchpoint.survey;

import io.touchpoint.web.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer's answer: satisfaction 1 (very unhappy) to 5 (very happy), optionally a rating of the person who
 * served them, and a comment.
 */
public record SurveyAnswer(@NotBlank @Size(max = 100) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String token,
                           @NotNull @Min(1) @Max(5) Integer satisfaction,
                           @Min(1) @Max(5) Integer personRating,
                           @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String comment) {
}
