package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.AuditEvent;

import java.util.List;

/**
 * One page of the ledger in global order.
 *
 * @param after           the position the page starts after
 * @param limit           the most events a page holds
 * @param events          the events, in global order
 * @param next            the {@code after} of the next page: the last position on this page
 * @param stablePosition  the ledger's stable position when read: no event at or before it is still to come
 * @param more            events after this page were already there when it was read
 */
public record LedgerPage(long after, int limit, List<AuditEvent> events, long next, long stablePosition,
                         boolean more) {
}
