package io.touchpoint.postsales;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Post-sales settings.
 *
 * @param accountManagerMinSeats customers with at least this many seats get an account relations manager (PST-06)
 * @param firstBillReviewAfter   the first full invoice is reviewed this long after activation (PST-07)
 */
@ConfigurationProperties("touchpoint.post-sales")
@Validated
public record PostSalesProperties(@Min(1) int accountManagerMinSeats, @NotNull Period firstBillReviewAfter) {
}
