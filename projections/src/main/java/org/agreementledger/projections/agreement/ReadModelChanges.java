package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.projections.totals.BucketTally;
import org.agreementledger.projections.totals.StageChanges;
import org.agreementledger.projections.totals.TotalsFacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The read model changes of a batch of events, taken in by {@link #add} in the order the events
 * were recorded and applied at once: the agreements they touch are loaded together, the events are
 * folded into them in memory, each changed agreement is written once and the stage changes of the
 * events new to the tables are counted. An event of one agreement never waits on another's, so a
 * batch of thousands costs a handful of statements instead of a few per event.
 */
public final class ReadModelChanges {

    private final AgreementRows rows;
    private final List<SequencedEvent> events = new ArrayList<>();

    ReadModelChanges(AgreementRows rows) {
        this.rows = rows;
    }

    public void add(AgreementEvent event, long sequenceNumber) {
        events.add(new SequencedEvent(event, sequenceNumber));
    }

    /** Writes the agreements and counts the stage changes into the tally; then starts empty again. */
    public void applyCounting(BucketTally totals) {
        Set<UUID> touched = new LinkedHashSet<>();
        events.forEach(sequenced -> touched.add(sequenced.event().agreementId()));
        Map<UUID, AgreementRow> agreements = rows.load(touched);
        Set<AgreementRow> changed = new LinkedHashSet<>();
        for (SequencedEvent sequenced : events) {
            AgreementEvent event = sequenced.event();
            AgreementRow agreement = agreements.get(event.agreementId());
            if (agreement == null) {
                if (!(event instanceof AgreementProposed proposal)) {
                    throw new IllegalStateException("event " + event + " of an agreement that was never proposed");
                }
                agreement = AgreementRow.proposedBy(proposal, sequenced.sequenceNumber());
                agreements.put(agreement.agreementId, agreement);
            } else if (!agreement.apply(event, sequenced.sequenceNumber())) {
                continue;
            }
            changed.add(agreement);
            TotalsFacts facts = agreement.totalsFacts();
            totals.count(StageChanges.causedBy(event, facts), facts);
        }
        rows.write(changed);
        events.clear();
    }

    private record SequencedEvent(AgreementEvent event, long sequenceNumber) {
    }
}
