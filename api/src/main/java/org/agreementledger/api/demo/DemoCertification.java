package org.agreementledger.api.demo;

import java.time.LocalDate;

/** A demo agreement's certification. */
record DemoCertification(String certificateNo, LocalDate certifiedOn) {
}
