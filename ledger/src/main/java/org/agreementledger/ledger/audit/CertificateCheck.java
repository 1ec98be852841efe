package org.agreementledger.ledger.audit;

/**
 * The outcome of checking an {@link AgreementCertificate}.
 *
 * @param valid   every check passed
 * @param summary what was checked, or the first check that failed and why
 */
public record CertificateCheck(boolean valid, String summary) {

    static CertificateCheck passed(String summary) {
        return new CertificateCheck(true, summary);
    }

    static CertificateCheck failed(String reason) {
        return new CertificateCheck(false, reason);
    }
}
