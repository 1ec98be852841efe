package org.agreementledger.projections.agreement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentBalancerTest {

    @Test
    void aNodeKeepsTheFairShareRoundedUpWhenEveryLiveNodeHoldsSome() {
        assertThat(SegmentBalancer.shareToKeep(4, 2, 0)).isEqualTo(2);
        assertThat(SegmentBalancer.shareToKeep(4, 3, 0)).isEqualTo(2);
        assertThat(SegmentBalancer.shareToKeep(5, 2, 0)).isEqualTo(3);
    }

    @Test
    void whileALiveNodeHoldsNoneANodeKeepsTheShareRoundedDownSoThatItGetsSome() {
        assertThat(SegmentBalancer.shareToKeep(4, 3, 1)).as("two and two leave the third idle").isEqualTo(1);
        assertThat(SegmentBalancer.shareToKeep(4, 2, 1)).isEqualTo(2);
        assertThat(SegmentBalancer.shareToKeep(4, 5, 2)).as("never down to none").isEqualTo(1);
    }
}
