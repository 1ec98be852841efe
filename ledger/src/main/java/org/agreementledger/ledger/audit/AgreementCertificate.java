package org.agreementledger.ledger.audit;

import java.time.Instant;
import java.util.List;

/**
 * Everything an auditor needs to check one agreement offline, trusting nothing but a published
 * ledger digest: the agreement's events with their full stored content, and the recorded digest
 * that covers its last event together with all the chain heads that digest was taken over.
 * {@link CertificateVerifier} checks it.
 *
 * @param format     {@link #FORMAT}
 * @param agreementId the agreement certified
 * @param issuedAt   when the ledger issued it
 * @param events     all the agreement's events, in chain order
 * @param digest     the first recorded ledger digest that covers the agreement's last event
 * @param chainHeads the heads of all chains as of the digest's position, sorted by agreement id
 */
public record AgreementCertificate(String format,
                                   String agreementId,
                                   Instant issuedAt,
                                   List<AuditEvent> events,
                                   RecordedDigest digest,
                                   List<ChainHead> chainHeads) {

    public static final String FORMAT = "agreement-ledger-certificate/1";
}
