package org.agreementledger.api.web.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.agreementledger.projections.agreement.AgreementView;

/**
 * An agreement as it stands, with the SHA-256 of its terms as recorded ({@code AgreementTerms}):
 * the hash every signing intent names, for a signer to compare with their own copy.
 */
record AgreementWithTerms(@JsonUnwrapped AgreementView agreement, String termsHash) {
}
