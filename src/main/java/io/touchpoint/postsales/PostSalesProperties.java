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
 * @param firstBillReviewAfter   the first bill is reviewed this long after activation when billing has not reported the
 *                               first full invoice (order event INVOICE_ISSUED) by then (PST-07)
 */
@ConfigurationProperties("touchpoint.post-sales")
@Validated
public record PostSalesProperties(@Min(1) int accountManagerMinSeats, @NotNull Period firstBillReviewAfter) {
}
