package org.agreementledger.projections.agreement;

import java.time.LocalDate;

/** The agreement's certification and, once revoked, its revocation. */
public record CertificationView(String certificateNo, LocalDate certifiedOn, LocalDate revokedOn,
                                String revocationReason) {
}
