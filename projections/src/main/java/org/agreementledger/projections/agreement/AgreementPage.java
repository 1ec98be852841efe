package org.agreementledger.projections.agreement;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param page       the page number, from 0
 * @param size       the page size applied
 * @param totalItems how many agreements match the filter in all, counted up to
 *                   {@value AgreementQueries#COUNTED_AT_MOST}
 * @param totalItemsExact false when more match than were counted: then there are more than
 *                   {@code totalItems}, and more pages than {@code totalPages}
 */
public record AgreementPage(List<AgreementView> items, int page, int size, long totalItems, boolean totalItemsExact,
                            long totalPages) {
}
