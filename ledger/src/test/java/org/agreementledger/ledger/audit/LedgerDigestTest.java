package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.EventHasher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerDigestTest {

    private static final ChainHead FIRST = new ChainHead("3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11", 4, "a".repeat(64));
    private static final ChainHead SECOND = new ChainHead("9b2e7d10-0c4a-4f5e-8d3b-1e6f2a9c7b44", 0, "b".repeat(64));

    @Test
    void theDigestIsTakenOverOneLinePerChainHeadSortedByAgreementId() {
        assertThat(LedgerDigest.canonicalText(List.of(SECOND, FIRST))).isEqualTo(
                "3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11 4 " + "a".repeat(64) + "\n"
                        + "9b2e7d10-0c4a-4f5e-8d3b-1e6f2a9c7b44 0 " + "b".repeat(64) + "\n");
        assertThat(LedgerDigest.of(List.of(SECOND, FIRST)))
                .isEqualTo(LedgerDigest.of(List.of(FIRST, SECOND)))
                .isEqualTo(EventHasher.sha256(LedgerDigest.canonicalText(List.of(FIRST, SECOND))));
    }

    @Test
    void headsStreamedInAgreementIdOrderGiveTheSameDigestAndOutOfOrderAreRefused() {
        LedgerDigest.Running streamed = new LedgerDigest.Running();
        streamed.add(FIRST);
        streamed.add(SECOND);

        assertThat(streamed.chainCount()).isEqualTo(2);
        assertThat(streamed.digest()).isEqualTo(LedgerDigest.of(List.of(SECOND, FIRST)));
        LedgerDigest.Running backwards = new LedgerDigest.Running();
        backwards.add(SECOND);
        assertThatThrownBy(() -> backwards.add(FIRST)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of agreement id order");
    }

    @Test
    void idsAreOrderedByCodePointAsTheBytesOfTheirUtf8AreInPostgreSQLsCCollation() {
        List<String> ids = List.of("a", "ab", "b", "\u00e9", "\uE000", "\uFFFD", "\uD83D\uDE00", "\uD83D\uDE00a");
        for (String first : ids) {
            for (String second : ids) {
                assertThat(Integer.signum(LedgerDigest.AGREEMENT_ID_ORDER.compare(first, second)))
                        .as("%s against %s", first, second)
                        .isEqualTo(Integer.signum(Arrays.compareUnsigned(first.getBytes(StandardCharsets.UTF_8),
                                second.getBytes(StandardCharsets.UTF_8))));
            }
        }
        ChainHead privateUse = new ChainHead("\uE000", 0, "c".repeat(64));
        ChainHead emoji = new ChainHead("\uD83D\uDE00", 0, "d".repeat(64));
        assertThat(LedgerDigest.sorted(List.of(emoji, privateUse))).containsExactly(privateUse, emoji);
        LedgerDigest.Running streamed = new LedgerDigest.Running();
        streamed.add(privateUse);
        streamed.add(emoji);
        assertThat(streamed.digest()).isEqualTo(LedgerDigest.of(List.of(emoji, privateUse)));
    }

    @Test
    void anEmptyLedgerHasTheDigestOfTheEmptyText() {
        assertThat(LedgerDigest.of(List.of()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void anotherHeadHashOrSequenceNumberGivesAnotherDigest() {
        String digest = LedgerDigest.of(List.of(FIRST, SECOND));

        assertThat(LedgerDigest.of(List.of(FIRST, new ChainHead(SECOND.agreementId(), 0, "c".repeat(64)))))
                .isNotEqualTo(digest);
        assertThat(LedgerDigest.of(List.of(FIRST, new ChainHead(SECOND.agreementId(), 1, SECOND.hash()))))
                .isNotEqualTo(digest);
        assertThat(LedgerDigest.of(List.of(FIRST))).isNotEqualTo(digest);
    }
}
