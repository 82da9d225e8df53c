package io.touchpoint.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A knowledge-base article: a known problem, how it shows, and the fix or workaround.
 *
 * @param sourceTicket          the ticket whose resolution became this article, if any
 * @param publishedForCustomers whether customers find it in the portal's help (REG-06); staff decide, article by article
 */
public record Article(long id, String title, String symptoms, String workaround, String category, List<String> tags,
                      String sourceTicket, String createdBy, Instant createdAt, boolean publishedForCustomers) {
}
