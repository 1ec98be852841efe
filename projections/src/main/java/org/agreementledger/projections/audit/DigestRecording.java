package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.RecordedDigest;

/**
 * The digest that covers the ledger as it stands.
 *
 * @param digest     the digest
 * @param recordedNow it was recorded by this call; false when one through the same position existed
 */
public record DigestRecording(RecordedDigest digest, boolean recordedNow) {
}
