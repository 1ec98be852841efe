package org.agreementledger.projections.agreement;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param page       the page number, from 0
 * @param size       the page size applied
 * @param totalItems how many agreements match the filter in all
 */
public record AgreementPage(List<AgreementView> items, int page, int size, long totalItems, long totalPages) {
}
