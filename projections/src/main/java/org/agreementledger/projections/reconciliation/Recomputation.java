package org.agreementledger.projections.reconciliation;

import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.LifecycleStatus;
import org.agreementledger.projections.totals.BucketTally;
import org.agreementledger.projections.totals.StageChanges;
import org.agreementledger.projections.totals.TotalsFacts;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The read models' content computed in memory from events, in the order they were recorded. Fed
 * one agreement after another, it holds one agreement at a time: {@link #finish} forgets it.
 */
final class Recomputation {

    private final Map<UUID, TotalsFacts> facts = new HashMap<>();
    private final Map<UUID, AgreementStatus> statuses = new HashMap<>();
    private final BucketTally totals = new BucketTally();

    void apply(AgreementEvent event) {
        TotalsFacts before = event instanceof AgreementProposed proposal
                ? TotalsFacts.of(proposal) : facts.get(event.agreementId());
        if (before == null) {
            throw new IllegalStateException("event " + event + " of an agreement that was never proposed");
        }
        TotalsFacts after = before.after(event);
        facts.put(event.agreementId(), after);
        LifecycleStatus.after(event).ifPresent(status -> statuses.put(event.agreementId(), status));
        totals.count(StageChanges.causedBy(event, after), after);
    }

    /** The agreement's status after its events applied so far; it is forgotten. */
    Optional<AgreementStatus> finish(UUID agreementId) {
        facts.remove(agreementId);
        return Optional.ofNullable(statuses.remove(agreementId));
    }

    BucketTally totals() {
        return totals;
    }
}
