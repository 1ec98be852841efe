package org.agreementledger.projections.reconciliation;

import org.agreementledger.ledger.chain.StoredEvent;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.projections.agreement.AgreementProjection;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.agreementledger.projections.eventstore.UpcastingEventReader;
import org.agreementledger.projections.totals.BucketKey;
import org.agreementledger.projections.totals.Grain;
import org.agreementledger.projections.totals.Stage;
import org.agreementledger.projections.totals.Tally;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Recomputes the read models from the event store and reports every difference. The events, the
 * processor's tokens and the read model are all read in one REPEATABLE READ snapshot; the
 * processor commits each batch of read model changes with its token, so in that snapshot the read
 * model holds exactly the events the tokens cover, and those are the events recomputed.
 */
@Component
public class Reconciliation {

    private static final String PROCESSOR = AgreementProjection.PROCESSING_GROUP;
    private final JdbcTemplate jdbc;
    private final StoredEvents storedEvents;
    private final TransactionTemplate snapshot;
    private final ProcessorPositions positions;
    private final EventProcessingConfiguration processing;
    private final UpcastingEventReader reader;
    private final Clock clock;

    public Reconciliation(JdbcTemplate jdbc, StoredEvents storedEvents, PlatformTransactionManager transactionManager,
                          ProcessorPositions positions, EventProcessingConfiguration processing,
                          UpcastingEventReader reader, Clock clock) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.positions = positions;
        this.processing = processing;
        this.reader = reader;
        this.clock = clock;
    }

    public ReconciliationReport run() {
        return snapshot.execute(status -> reconcileInSnapshot(positions.coverageOf(PROCESSOR)));
    }

    /**
     * Reconciles read model tables other than those in use, which hold the events up to a token: the
     * caller's {@code selectTables} makes them the ones the snapshot's statements name.
     */
    public ReconciliationReport runOn(Runnable selectTables, TrackingToken coveredUpTo) {
        return snapshot.execute(status -> {
            selectTables.run();
            return reconcileInSnapshot(ProcessorCoverage.upTo(coveredUpTo));
        });
    }

    /**
     * Recomputes one agreement at a time, so that memory holds one agreement, the totals and the
     * differences, however many agreements the ledger has; each thousand recomputed statuses are
     * compared with the read model's in one query.
     */
    private ReconciliationReport reconcileInSnapshot(ProcessorCoverage coverage) {
        SequencingPolicy<? super EventMessage<?>> sequencing = processing.sequencingPolicy(PROCESSOR);
        Recomputation recomputation = new Recomputation();
        EventCounts counts = new EventCounts();
        StatusComparison statuses = new StatusComparison();
        storedEvents.forEachInAgreementOrder(positioned -> {
            StoredEvent stored = positioned.event();
            if (!AgreementEvent.AGGREGATE_TYPE.equals(stored.aggregateType())) {
                return; // another aggregate's event (a party's signer key, docs/signer-keys.md): no read model's
            }
            UUID agreement = UUID.fromString(stored.aggregateIdentifier());
            statuses.turnTo(agreement, recomputation);
            Optional<Object> read = reader.payloadOf(stored);
            if (read.isEmpty()) {
                return; // dropped by an upcaster: nothing to recompute
            }
            Object payload = read.get();
            GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>(stored.aggregateType(),
                    stored.aggregateIdentifier(), stored.sequenceNumber(), payload);
            if (coverage.covers(sequencing.getSequenceIdentifierFor(event), positioned.globalPosition())) {
                counts.covered++;
                if (payload instanceof AgreementEvent agreementEvent) {
                    recomputation.apply(agreementEvent);
                }
            } else {
                counts.notYetProcessed++;
            }
        });
        statuses.finish(recomputation);
        List<BucketDifference> bucketDifferences = new ArrayList<>();
        Map<BucketKey, Tally> recomputed = recomputation.totals().nonZero();
        Map<BucketKey, Tally> stored = storedTotals();
        TreeSet<BucketKey> buckets = new TreeSet<>(recomputed.keySet());
        buckets.addAll(stored.keySet());
        for (BucketKey bucket : buckets) {
            Tally expected = recomputed.getOrDefault(bucket, Tally.ZERO);
            Tally actual = stored.getOrDefault(bucket, Tally.ZERO);
            if (!expected.sameAs(actual)) {
                bucketDifferences.add(new BucketDifference(bucket, expected, actual));
            }
        }
        List<AgreementDifference> agreementDifferences = statuses.differences();
        return new ReconciliationReport(bucketDifferences.isEmpty() && agreementDifferences.isEmpty(),
                clock.instant(), counts.covered + counts.notYetProcessed, counts.covered, counts.notYetProcessed,
                buckets.size(), statuses.agreementsCompared(), bucketDifferences, agreementDifferences);
    }

    private Map<BucketKey, Tally> storedTotals() {
        Map<BucketKey, Tally> stored = new TreeMap<>();
        jdbc.query("""
                SELECT grain, stage, year, sector, kind, occasion, country, city, currency, agreement_count, amount
                FROM totals_bucket WHERE agreement_count <> 0 OR amount <> 0""", row -> {
            stored.put(new BucketKey(Grain.valueOf(row.getString("grain")), Stage.valueOf(row.getString("stage")),
                            row.getInt("year"), row.getString("sector"), row.getString("kind"),
                            row.getString("occasion"), row.getString("country"), row.getString("city"),
                            row.getString("currency")),
                    new Tally(row.getLong("agreement_count"), row.getBigDecimal("amount")));
        });
        return stored;
    }

    /**
     * Compares recomputed statuses with the read model's, a thousand agreements a query, then looks
     * for agreements the read model has and the events do not, only when the counts say there are.
     */
    private final class StatusComparison {

        private static final int AGREEMENTS_PER_QUERY = 1000;

        private final Map<UUID, AgreementStatus> recomputed = new HashMap<>();
        private final List<AgreementDifference> differences = new ArrayList<>();
        private UUID current;
        private long agreementsWithEvents;
        private long foundInReadModel;
        private int agreementsOnlyInReadModel;

        /** Moves on to the agreement, finishing the one before. */
        void turnTo(UUID agreement, Recomputation recomputation) {
            if (agreement.equals(current)) {
                return;
            }
            if (current != null) {
                finishCurrent(recomputation);
            }
            current = agreement;
        }

        void finish(Recomputation recomputation) {
            if (current != null) {
                finishCurrent(recomputation);
            }
            compare();
            Long inReadModel = jdbc.queryForObject("SELECT count(*) FROM agreement_view", Long.class);
            if (inReadModel != null && inReadModel > foundInReadModel) {
                jdbc.query("""
                        SELECT agreement_id, status FROM agreement_view v
                        WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e
                                          WHERE e.aggregate_identifier = v.agreement_id::text)""", row -> {
                    agreementsOnlyInReadModel++;
                    differences.add(new AgreementDifference(row.getObject("agreement_id", UUID.class), null,
                            AgreementStatus.valueOf(row.getString("status"))));
                });
            }
            differences.sort(Comparator.comparing(AgreementDifference::agreementId));
        }

        List<AgreementDifference> differences() {
            return differences;
        }

        int agreementsCompared() {
            return Math.toIntExact(agreementsWithEvents + agreementsOnlyInReadModel);
        }

        private void finishCurrent(Recomputation recomputation) {
            agreementsWithEvents++;
            recomputed.put(current, recomputation.finish(current).orElse(null));
            if (recomputed.size() == AGREEMENTS_PER_QUERY) {
                compare();
            }
        }

        private void compare() {
            if (recomputed.isEmpty()) {
                return;
            }
            Map<UUID, AgreementStatus> inReadModel = new HashMap<>();
            UUID[] ids = recomputed.keySet().toArray(UUID[]::new);
            jdbc.query("SELECT agreement_id, status FROM agreement_view WHERE agreement_id = ANY (?)",
                    statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids)),
                    row -> {
                        inReadModel.put(row.getObject("agreement_id", UUID.class),
                                AgreementStatus.valueOf(row.getString("status")));
                    });
            foundInReadModel += inReadModel.size();
            recomputed.forEach((agreement, expected) -> {
                AgreementStatus actual = inReadModel.get(agreement);
                if (expected != actual) {
                    differences.add(new AgreementDifference(agreement, expected, actual));
                }
            });
            recomputed.clear();
        }
    }

    /** How many events the processor has taken in, and how many it has yet to. */
    private static final class EventCounts {
        private long covered;
        private long notYetProcessed;
    }
}
