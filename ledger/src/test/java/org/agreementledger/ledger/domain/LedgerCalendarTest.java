package org.agreementledger.ledger.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCalendarTest {

    @Test
    void todayIsTheDateInShanghaiWhateverTheClockZone() {
        // 20:00 UTC on 31 August is 04:00 on 1 September in Asia/Shanghai
        Clock utcClock = Clock.fixed(Instant.parse("2024-08-31T20:00:00Z"), ZoneOffset.UTC);

        assertThat(new LedgerCalendar(utcClock).today()).isEqualTo(LocalDate.of(2024, 9, 1));
    }
}
