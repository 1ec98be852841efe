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

    private ReconciliationReport reconcileInSnapshot(ProcessorCoverage coverage) {
        SequencingPolicy<? super EventMessage<?>> sequencing = processing.sequencingPolicy(PROCESSOR);
        Recomputation recomputation = new Recomputation();
        EventCounts counts = new EventCounts();
        storedEvents.forEachInGlobalOrder(positioned -> {
            StoredEvent stored = positioned.event();
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
        List<AgreementDifference> agreementDifferences = new ArrayList<>();
        Map<UUID, AgreementStatus> storedStatuses = storedStatuses();
        TreeSet<UUID> agreements = new TreeSet<>(recomputation.statuses().keySet());
        agreements.addAll(storedStatuses.keySet());
        for (UUID agreement : agreements) {
            AgreementStatus expected = recomputation.statuses().get(agreement);
            AgreementStatus actual = storedStatuses.get(agreement);
            if (expected != actual) {
                agreementDifferences.add(new AgreementDifference(agreement, expected, actual));
            }
        }
        return new ReconciliationReport(bucketDifferences.isEmpty() && agreementDifferences.isEmpty(),
                clock.instant(), counts.covered + counts.notYetProcessed, counts.covered, counts.notYetProcessed,
                buckets.size(), agreements.size(),
                bucketDifferences, agreementDifferences);
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

    private Map<UUID, AgreementStatus> storedStatuses() {
        Map<UUID, AgreementStatus> stored = new HashMap<>();
        jdbc.query("SELECT agreement_id, status FROM agreement_view", row -> {
            stored.put(row.getObject("agreement_id", UUID.class), AgreementStatus.valueOf(row.getString("status")));
        });
        return stored;
    }

    /** How many events the processor has taken in, and how many it has yet to. */
    private static final class EventCounts {
        private long covered;
        private long notYetProcessed;
    }
}
