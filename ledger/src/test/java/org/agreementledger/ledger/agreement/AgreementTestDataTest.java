package org.agreementledger.ledger.agreement;

import org.agreementledger.ledger.domain.LedgerCalendar;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementTestDataTest {

    @Test
    void theTestClockIsOnTheFirstOfSeptember() {
        Clock clock = Clock.fixed(Instant.parse("2024-09-01T04:00:00Z"), LedgerCalendar.LEDGER_ZONE);

        assertThat(new LedgerCalendar(clock).today()).isEqualTo(AgreementTestData.TODAY);
    }
}
