package org.agreementledger.ledger.agreement;

import org.agreementledger.ledger.event.AgreementEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementAggregateTypeTest {

    /** Axon stores an aggregate's events under its class's simple name; readers look for agreements by it. */
    @Test
    void agreementEventsAreStoredUnderTheTypeReadersLookFor() {
        assertThat(Agreement.class.getSimpleName()).isEqualTo(AgreementEvent.AGGREGATE_TYPE);
    }
}
