package org.agreementledger.ledger.audit;

import java.util.List;

/**
 * The outcome of checking an {@link AgreementCertificate}.
 *
 * @param valid      every check passed
 * @param summary    what was checked, or the first check that failed and why
 * @param signatures a verdict on each party's act, once the events they are in were checked
 */
public record CertificateCheck(boolean valid, String summary, List<SignatureVerdict> signatures) {

    static CertificateCheck passed(String summary, List<SignatureVerdict> signatures) {
        return new CertificateCheck(true, summary, signatures);
    }

    static CertificateCheck failed(String reason) {
        return failed(reason, List.of());
    }

    static CertificateCheck failed(String reason, List<SignatureVerdict> signatures) {
        return new CertificateCheck(false, reason, signatures);
    }
}
