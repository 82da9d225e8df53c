package io.touchpoint.postsales;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Post-sales settings.
 *
 * @param accountManagerMinSeats customers with at least this many seats get an account relations manager (PST-06)
 * @param firstBillReviewAfter   the first full invoice is reviewed this long after activation (PST-07)
 */
@ConfigurationProperties("touchpoint.post-sales")
public record PostSalesProperties(int accountManagerMinSeats, Period firstBillReviewAfter) {
}
