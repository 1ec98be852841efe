package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.checkpoint.NoteSigner;
import org.agreementledger.ledger.metadata.LedgerMetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerVerifierTest {

    private static final String A = "3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11";
    private static final String B = "9b2e7d10-0c4a-4f5e-8d3b-1e6f2a9c7b44";

    private static final KeyPair LOG_KEY = TestLedger.ed25519KeyPair();
    private static final NoteSigner LOG_SIGNER = new NoteSigner("ledger.test/log", LOG_KEY);
    private static final EventAttestation ATTESTATION = EventAttestation.ofLogKey(LOG_KEY);

    private TestLedger ledger;

    @BeforeEach
    void interleavedChainsWithADigestInTheMiddle() {
        ledger = new TestLedger();
        ledger.append(A, "{\"amount\":\"12500000.00\",\"partyId\":\"CN-URUMQI-XJU\"}"); // 1
        ledger.append(B, "{\"amount\":\"300000.00\",\"partyId\":\"KZ-ALMATY-KBTU\"}"); // 2
        ledger.append(A, "{\"partyId\":\"KZ-ALMATY-KBTU\"}"); // 3
        ledger.recordDigest(); // through 3
        ledger.append(B, "{\"partyId\":\"CN-URUMQI-XJU\"}"); // 4
        ledger.append(A, "{\"certificateNo\":\"XJ-2024-0001\"}"); // 5
        ledger.recordDigest(); // through 5
    }

    private LedgerVerification verify() {
        return verify(ledger.events().size(), ledger.events(), Map.of(), LogRecords.none());
    }

    private LedgerVerification verify(long through, List<PositionedEvent> events, Map<Long, List<ChainHead>> headChanges,
                                      LogRecords log) {
        return LedgerVerifier.verify(through, stored(events, linksInAgreementOrder(events), headChanges, log),
                ledger.digests(), ATTESTATION);
    }

    /** The ledger as the database gives it: every pass reads the same lists afresh. */
    private static StoredLedger stored(List<PositionedEvent> events, List<ChainLink> links,
                                       Map<Long, List<ChainHead>> headChanges, LogRecords log) {
        List<StoredLeaf> leaves = new ArrayList<>();
        log.leaves().forEachRemaining(leaves::add);
        return new StoredLedger() {
            @Override
            public Iterator<ChainLink> chainLinksInAgreementOrder() {
                return links.iterator();
            }

            @Override
            public Iterator<RecordedHead> recordedHeadsInAgreementOrder() {
                return headChanges.entrySet().stream()
                        .flatMap(digest -> digest.getValue().stream().map(head -> new RecordedHead(digest.getKey(), head)))
                        .sorted(Comparator.comparing(recorded -> recorded.head().agreementId(),
                                LedgerDigest.AGREEMENT_ID_ORDER))
                        .iterator();
            }

            @Override
            public Iterator<ChainedEvent> eventsInGlobalOrder() {
                return events.stream().map(ChainedEvent::of).iterator();
            }

            @Override
            public LogRecords log() {
                return new LogRecords(leaves.iterator(), log.checkpoints(), log.subtrees(), log.logKey());
            }
        };
    }

    /** As the event table's (agreement, sequence) index gives them. */
    private static List<ChainLink> linksInAgreementOrder(List<PositionedEvent> events) {
        return events.stream().map(ChainedEvent::of).map(ChainLink::of)
                .sorted(Comparator.comparing(ChainLink::agreementId, LedgerDigest.AGREEMENT_ID_ORDER)
                        .thenComparingLong(ChainLink::sequenceNumber))
                .toList();
    }

    @Test
    void anUntouchedLedgerIsIntactWithItsCountsAndCurrentDigest() {
        LedgerVerification result = verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.firstMismatch()).isNull();
        assertThat(result.eventsChecked()).isEqualTo(5);
        assertThat(result.chainsChecked()).isEqualTo(2);
        assertThat(result.digestsChecked()).isEqualTo(2);
        assertThat(result.throughPosition()).isEqualTo(5);
        assertThat(result.currentDigest()).isEqualTo(ledger.digests().get(1).digest());
    }

    @Test
    void anEmptyLedgerIsIntact() {
        LedgerVerification result = LedgerVerifier.verify(0, stored(List.of(), List.of(), Map.of(), LogRecords.none()),
                List.of(), ATTESTATION);

        assertThat(result.intact()).isTrue();
        assertThat(result.currentDigest()).isEqualTo(LedgerDigest.of(List.of()));
    }

    @Test
    void anAlteredPayloadIsNamedAsContentAlteredWithExpectedAndStoredHash() {
        PositionedEvent original = ledger.event(2);
        ledger.replace(2, TestLedger.withPayload(original, "{\"amount\":\"900000.00\",\"partyId\":\"KZ-ALMATY-KBTU\"}"));

        LedgerMismatch mismatch = verify().firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.CONTENT_ALTERED);
        assertThat(mismatch.globalPosition()).isEqualTo(2);
        assertThat(mismatch.agreementId()).isEqualTo(B);
        assertThat(mismatch.sequenceNumber()).isZero();
        assertThat(mismatch.stored()).isEqualTo(EventHasher.storedHash(original.event()));
        assertThat(mismatch.expected()).isEqualTo(EventHasher.hash(ledger.event(2).event())).isNotEqualTo(mismatch.stored());
        assertThat(verify().eventsChecked()).isEqualTo(1);
    }

    @Test
    void onlyTheFirstMismatchInGlobalOrderIsNamed() {
        ledger.replace(4, TestLedger.withPayload(ledger.event(4), "{\"partyId\":\"someone else\"}"));
        ledger.replace(3, TestLedger.withPayload(ledger.event(3), "{\"partyId\":\"someone else\"}"));

        assertThat(verify().firstMismatch().globalPosition()).isEqualTo(3);
    }

    @Test
    void anAlteredPreviousHashIsABrokenLinkEvenWhenTheEventIsResealed() {
        ledger.replace(3, TestLedger.sealed(TestLedger.withMetaDataField(ledger.event(3),
                LedgerMetaData.PREVIOUS_HASH, "f".repeat(64))));

        LedgerMismatch mismatch = verify().firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.BROKEN_LINK);
        assertThat(mismatch.globalPosition()).isEqualTo(3);
        assertThat(mismatch.expected()).isEqualTo(EventHasher.storedHash(ledger.event(1).event()));
        assertThat(mismatch.stored()).isEqualTo("f".repeat(64));
    }

    @Test
    void aRemovedEventBreaksTheLinkOfTheEventAfterIt() {
        List<PositionedEvent> withoutThird = new ArrayList<>(ledger.events());
        withoutThird.remove(2);

        LedgerVerification result = verify(5, withoutThird, Map.of(), LogRecords.none());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstMismatch().reason()).isEqualTo(MismatchReason.BROKEN_LINK);
        assertThat(result.firstMismatch().globalPosition()).isEqualTo(5);
        assertThat(result.firstMismatch().detail()).contains("expects event 1", "finds event 2");
        // counted as if checked one after another: the events before the broken link, then nothing
        assertThat(result.eventsChecked()).isEqualTo(3);
        assertThat(result.digestsChecked()).isEqualTo(1);
    }

    @Test
    void aBrokenEventIsNamedRatherThanTheDigestBeforeIt() {
        // the digest through position 3 no longer matches either, but the event names the damage
        ledger.replace(3, TestLedger.withPayload(ledger.event(3), "{\"partyId\":\"someone else\"}"));
        ledger.replace(1, TestLedger.sealed(TestLedger.withPayload(ledger.event(1), "{\"amount\":\"1.00\"}")));

        LedgerMismatch mismatch = verify().firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.BROKEN_LINK);
        assertThat(mismatch.globalPosition()).isEqualTo(3);
    }

    @Test
    void anEventWithoutHashIsNamedAsMissingHash() {
        ledger.replace(4, TestLedger.withMetaDataField(ledger.event(4), LedgerMetaData.HASH, null));

        LedgerMismatch mismatch = verify().firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.MISSING_HASH);
        assertThat(mismatch.globalPosition()).isEqualTo(4);
        assertThat(mismatch.stored()).isNull();
    }

    @Test
    void aChainRewrittenWithConsistentHashesIsCaughtByTheDigestRecordedBeforeTheRewrite() {
        // event 2 changed and every later event of B resealed: each chain alone checks out
        PositionedEvent forged = TestLedger.sealed(TestLedger.withPayload(ledger.event(2), "{\"amount\":\"900000.00\"}"));
        ledger.replace(2, forged);
        ledger.replace(4, TestLedger.sealed(TestLedger.withMetaDataField(ledger.event(4),
                LedgerMetaData.PREVIOUS_HASH, EventHasher.storedHash(forged.event()))));

        LedgerVerification result = verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstMismatch().reason()).isEqualTo(MismatchReason.DIGEST_MISMATCH);
        assertThat(result.firstMismatch().digestId()).isEqualTo(1);
        assertThat(result.firstMismatch().globalPosition()).isEqualTo(3);
        assertThat(result.firstMismatch().stored()).isEqualTo(ledger.digests().get(0).digest());
        assertThat(result.eventsChecked()).isEqualTo(5);
        assertThat(result.digestsChecked()).isEqualTo(2);
    }

    @Test
    void eventsRemovedFromTheEndAreCaughtByTheLastDigest() {
        List<PositionedEvent> truncated = ledger.events().subList(0, 4);

        LedgerVerification result = verify(5, truncated, Map.of(), LogRecords.none());

        assertThat(result.firstMismatch().reason()).isEqualTo(MismatchReason.DIGEST_MISMATCH);
        assertThat(result.firstMismatch().digestId()).isEqualTo(2);
    }

    /** The ledger ends where it ends: a digest recorded through a later position shows its tail was cut off. */
    @Test
    void aDigestBeyondTheLedgersEndShowsATruncatedTail() {
        LedgerVerification result = verify(3, ledger.events().subList(0, 3), Map.of(), LogRecords.none());

        assertThat(result.intact()).isFalse();
        assertThat(result.digestsChecked()).isEqualTo(1);
        LedgerMismatch mismatch = result.firstMismatch();
        assertThat(mismatch.reason()).isEqualTo(MismatchReason.TRUNCATED);
        assertThat(mismatch.digestId()).isEqualTo(2);
        assertThat(mismatch.globalPosition()).isEqualTo(4);
        assertThat(mismatch.expected()).isEqualTo("5");
        assertThat(mismatch.stored()).isEqualTo("3");
        assertThat(mismatch.detail()).contains("the events after position 3 are missing");
    }

    @Test
    void anAlteredEventIsNamedRatherThanTheTruncation() {
        List<PositionedEvent> events = new ArrayList<>(ledger.events().subList(0, 3));
        events.set(1, TestLedger.withPayload(events.get(1), "{\"amount\":\"1.00\"}"));

        LedgerVerification result = verify(3, events, Map.of(), LogRecords.none());

        assertThat(result.firstMismatch().reason()).isEqualTo(MismatchReason.CONTENT_ALTERED);
        assertThat(result.firstMismatch().globalPosition()).isEqualTo(2);
    }

    @Test
    void eventsRemovedFromTheEndOfOneChainAreNamedWhenTheDigestKeptItsHeads() {
        List<PositionedEvent> withoutTheLastOfA = ledger.events().subList(0, 4);

        LedgerVerification result = verify(5, withoutTheLastOfA, ledger.headChanges(), LogRecords.none());

        LedgerMismatch mismatch = result.firstMismatch();
        assertThat(mismatch.reason()).isEqualTo(MismatchReason.TRUNCATED);
        assertThat(mismatch.digestId()).isEqualTo(2);
        assertThat(mismatch.agreementId()).isEqualTo(A);
        assertThat(mismatch.sequenceNumber()).isEqualTo(2);
        assertThat(mismatch.stored()).isEqualTo(ledger.digests().get(1).digest());
        assertThat(mismatch.expected()).isEqualTo(LedgerDigest.of(List.of(ledger.heads().stream()
                .filter(head -> head.agreementId().equals(B)).findFirst().orElseThrow(),
                new ChainHead(A, 1, EventHasher.storedHash(ledger.event(3).event())))));
        assertThat(mismatch.detail()).contains("events 2 to 2 are missing");
    }

    @Test
    void aChainRemovedWholeIsNamedWhenTheDigestKeptItsHeads() {
        List<PositionedEvent> withoutB = ledger.events().stream()
                .filter(event -> !event.event().aggregateIdentifier().equals(B)).toList();

        LedgerMismatch mismatch = verify(5, withoutB, ledger.headChanges(), LogRecords.none()).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.TRUNCATED);
        assertThat(mismatch.digestId()).isEqualTo(1);
        assertThat(mismatch.agreementId()).isEqualTo(B);
        assertThat(mismatch.detail()).contains("hold none of it");
    }

    @Test
    void idsBeyondUFFFFInATamperedLedgerAreFollowedInTheDatabasesOrderNotTakenForDisorder() {
        ledger.append("\uE000-private-use", "{\"partyId\":\"inserted\"}");
        ledger.append("\uD83D\uDE00-beyond-the-bmp", "{\"partyId\":\"inserted\"}");
        ledger.recordDigest();

        LedgerVerification result = verify(ledger.events().size(), ledger.events(), ledger.headChanges(),
                LogRecords.none());

        assertThat(result.intact()).as("%s", result.firstMismatch()).isTrue();
        assertThat(result.currentDigest()).isEqualTo(ledger.digests().get(ledger.digests().size() - 1).digest());
    }

    @Test
    void chainsGivenOutOfAgreementIdOrderAreRefusedRatherThanDigestedWrongly() {
        List<ChainLink> links = ledger.events().stream().map(ChainedEvent::of).map(ChainLink::of)
                .sorted(Comparator.comparing(ChainLink::agreementId).reversed()).toList();

        assertThatThrownBy(() -> LedgerVerifier.verify(5, stored(ledger.events(), links, Map.of(), LogRecords.none()),
                ledger.digests(), ATTESTATION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of agreement id order");
    }

    @Test
    void everyDigestIsRecomputedInOnePassWhateverHowManyChainsEachCovered() {
        ledger.append("00000000-0000-4000-8000-000000000001", "{\"partyId\":\"first in id order\"}"); // 6
        ledger.recordDigest(); // through 6
        ledger.append(B, "{\"partyId\":\"later\"}"); // 7
        ledger.recordDigest(); // through 7

        LedgerVerification result = verify(7, ledger.events(), ledger.headChanges(), LogRecords.none());

        assertThat(result.intact()).as("%s", result.firstMismatch()).isTrue();
        assertThat(result.digestsChecked()).isEqualTo(4);
        assertThat(result.chainsChecked()).isEqualTo(3);
        assertThat(result.currentDigest()).isEqualTo(ledger.digests().get(3).digest());
    }

    @Test
    void aChainRewrittenWithConsistentHashesIsNamedWhenTheDigestKeptItsHeads() {
        ledger.replace(4, TestLedger.sealed(TestLedger.withPayload(ledger.event(4), "{\"partyId\":\"forged\"}")));

        LedgerMismatch mismatch = verify(5, ledger.events(), ledger.headChanges(), LogRecords.none()).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.DIGEST_MISMATCH);
        assertThat(mismatch.agreementId()).isEqualTo(B);
        assertThat(mismatch.detail()).contains("the chain was rewritten");
    }

    @Test
    void anIntactLedgerWithKeptHeadsIsIntact() {
        assertThat(verify(5, ledger.events(), ledger.headChanges(), LogRecords.none())
                .intact()).isTrue();
    }

    @Test
    void anUnattestedEventAfterAttestedOnesIsAForgeryEvenWithACorrectHashAndLink() {
        ledger.attestWith(EventAttestation.ofLogKey(LOG_KEY));
        ledger.append(A, "{\"partyId\":\"attested\"}"); // 6
        ledger.attestWith(null);
        ledger.append(B, "{\"partyId\":\"inserted by SQL\"}"); // 7

        LedgerMismatch mismatch = verify(7, ledger.events(), Map.of(), LogRecords.none()).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.FORGED);
        assertThat(mismatch.globalPosition()).isEqualTo(7);
        assertThat(mismatch.detail()).contains("the event at position 6 is attested");
    }

    @Test
    void anAttestationByAnotherKeyIsAForgery() {
        ledger.attestWith(EventAttestation.ofLogKey(TestLedger.ed25519KeyPair()));
        ledger.append(A, "{\"partyId\":\"signed by an impostor\"}"); // 6

        LedgerMismatch mismatch = verify(6, ledger.events(), Map.of(), LogRecords.none()).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.FORGED);
        assertThat(mismatch.globalPosition()).isEqualTo(6);
    }

    @Test
    void attestedEventsAfterUnattestedOnesAreIntact() {
        ledger.attestWith(EventAttestation.ofLogKey(LOG_KEY));
        ledger.append(A, "{\"partyId\":\"attested\"}"); // 6
        ledger.append(B, "{\"partyId\":\"attested too\"}"); // 7

        assertThat(verify(7, ledger.events(), Map.of(), LogRecords.none())
                .intact()).isTrue();
    }

    private TestLog logOfAll() {
        return new TestLog(LOG_SIGNER).integrate(ledger.events().subList(0, 3)).integrate(ledger.events().subList(3, 5));
    }

    private List<PositionedEvent> eventsWithout(long position) {
        return ledger.events().stream().filter(event -> event.globalPosition() != position).toList();
    }

    @Test
    void aLedgerAndItsLogAsWrittenAreIntactLeafByLeafAndCheckpointByCheckpoint() {
        LedgerVerification result = verify(5, ledger.events(), Map.of(), logOfAll().records());

        assertThat(result.intact()).as("%s", result.firstMismatch()).isTrue();
        assertThat(result.leavesChecked()).isEqualTo(5);
        assertThat(result.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void anEventInsertedWhereTheLogHadPassedIsNotInTheLog() {
        TestLog log = new TestLog(LOG_SIGNER).integrate(eventsWithout(3));

        LedgerMismatch mismatch = verify(5, ledger.events(), Map.of(), log.records()).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.NOT_IN_LOG);
        assertThat(mismatch.globalPosition()).isEqualTo(3);
        assertThat(mismatch.leafIndex()).isEqualTo(2);
    }

    @Test
    void aDeletedRowIsNamedAtItsLeafBeforeTheBrokenLinkItLeaves() {
        LedgerMismatch mismatch = verify(5, eventsWithout(3), Map.of(), logOfAll().records()).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.MISSING_EVENT);
        assertThat(mismatch.globalPosition()).isEqualTo(3);
        assertThat(mismatch.leafIndex()).isEqualTo(2);
    }

    @Test
    void anEventRewrittenWithItsHashRecomputedIsNotItsLeaf() {
        TestLog log = logOfAll();
        ledger.replace(5, TestLedger.sealed(TestLedger.withPayload(ledger.event(5), "{\"certificateNo\":\"forged\"}")));

        LedgerMismatch mismatch = verify(5, ledger.events(), Map.of(), log.records()).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.LEAF_MISMATCH);
        assertThat(mismatch.leafIndex()).isEqualTo(4);
        assertThat(mismatch.stored()).isEqualTo(HexFormat.of().formatHex(log.leaves().get(4).leafHash()));
    }

    @Test
    void aTailCutOffFromTheEventsIsFoundInTheLeavesThatRemain() {
        LedgerMismatch mismatch = verify(4, ledger.events().subList(0, 4), Map.of(), logOfAll().records())
                .firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.TRUNCATED);
        assertThat(mismatch.leafIndex()).isEqualTo(4);
        assertThat(mismatch.globalPosition()).isEqualTo(5);
    }

    @Test
    void aTailCutOffFromEventsAndLeavesIsFoundInTheCheckpointThatCoveredIt() {
        TestLog log = logOfAll();
        TestLog cut = new TestLog(LOG_SIGNER).integrate(ledger.events().subList(0, 3));
        List<FoundCheckpoint> checkpoints = List.of(cut.checkpoints().get(0),
                new FoundCheckpoint("/copies/5.checkpoint", log.checkpoints().get(1).note()));

        LedgerMismatch mismatch = verify(3, ledger.events().subList(0, 3), Map.of(),
                cut.records(checkpoints)).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.TRUNCATED);
        assertThat(mismatch.detail()).contains("/copies/5.checkpoint", "5 leaves", "only 3");
    }

    @Test
    void aCheckpointOfAnotherTreeOfTheSameSizeIsNamed() {
        List<PositionedEvent> rewritten = new ArrayList<>(ledger.events());
        rewritten.set(4, TestLedger.sealed(TestLedger.withPayload(ledger.event(5), "{\"certificateNo\":\"other\"}")));
        FoundCheckpoint otherTree = new TestLog(LOG_SIGNER).integrate(rewritten).checkpoints().get(0);
        TestLog log = logOfAll();

        LedgerMismatch mismatch = verify(5, ledger.events(), Map.of(), log.records(List.of(log.checkpoints().get(0),
                new FoundCheckpoint("/copies/5.checkpoint", otherTree.note())))).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.CHECKPOINT_MISMATCH);
        assertThat(mismatch.leafIndex()).isEqualTo(5);
        assertThat(mismatch.detail()).contains("/copies/5.checkpoint");
    }

    @Test
    void aCheckpointTheLogsKeyDidNotSignIsNamedFirst() {
        TestLog log = logOfAll();
        String impostor = new TestLog(new NoteSigner("ledger.test/log", TestLedger.ed25519KeyPair()))
                .integrate(ledger.events()).checkpoints().get(0).note();

        LedgerMismatch mismatch = verify(5, ledger.events(), Map.of(),
                log.records(List.of(new FoundCheckpoint("/copies/5.checkpoint", impostor)))).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.CHECKPOINT_MISMATCH);
        assertThat(mismatch.detail()).contains("not one the log signed");
    }

    @Test
    void aStoredSubtreeThatIsNotTheHashOfItsHalvesIsNamed() {
        TestLog log = logOfAll();
        log.subtrees().put("1/1", log.subtrees().get("1/0"));

        LedgerMismatch mismatch = verify(5, ledger.events(), Map.of(), log.records()).firstMismatch();

        assertThat(mismatch.reason()).isEqualTo(MismatchReason.TREE_MISMATCH);
        assertThat(mismatch.detail()).contains("subtree 1/1 (leaves 2 to 3)");
    }
}
