package org.agreementledger.api.signing;

import org.agreementledger.ledger.signing.AgreementTerms;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** An agreement's terms as its proposal was recorded: read from the event table, never from a read model. */
@Component
public class AgreementTermsOnRecord {

    private final StoredEvents storedEvents;

    AgreementTermsOnRecord(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    /** The agreement's terms; empty if no such agreement was proposed. */
    public Optional<AgreementTerms> of(UUID agreementId) {
        return storedEvents.proposalOf(agreementId.toString()).map(AgreementTerms::ofStoredProposal);
    }
}
