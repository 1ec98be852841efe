package org.agreementledger.ledger.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The ledger's notion of "today": business dates are days in the ledger's time zone. */
public record LedgerCalendar(Clock clock) {

    public static final ZoneId LEDGER_ZONE = ZoneId.of("Asia/Shanghai");

    public static LedgerCalendar system() {
        return new LedgerCalendar(Clock.system(LEDGER_ZONE));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LEDGER_ZONE));
    }
}
