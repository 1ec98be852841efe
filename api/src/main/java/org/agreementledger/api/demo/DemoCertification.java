package org.agreementledger.api.demo;

import java.time.LocalDate;

/** A demo agreement's certification. */
public record DemoCertification(String certificateNo, LocalDate certifiedOn) {
}
