package org.agreementledger.api.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.command.LedgerCommands;
import org.agreementledger.ledger.command.CertifyAgreement;
import org.agreementledger.ledger.command.ProposeAgreement;
import org.agreementledger.ledger.command.SignAgreement;
import org.agreementledger.ledger.domain.Party;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * Loads the demo data set through the command path, as the actor {@value #ACTOR}: every rule of the
 * ledger applies and every event is hash-chained like any other. Each agreement is written in one
 * transaction, all its steps or none, under an id derived from its key; an agreement already in the
 * ledger is left alone, so loading again writes nothing new and completes an interrupted load.
 */
@Component
public class DemoDataLoader {

    public static final String ACTOR = "demo-loader";

    private final LedgerCommands commands;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public DemoDataLoader(LedgerCommands commands, EventStore eventStore, TransactionTemplate transaction,
                          ObjectMapper json) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.transaction = transaction;
        this.json = json;
    }

    public synchronized DemoLoadResult load() {
        DemoDataSet dataSet = DemoDataSet.read(json);
        String correlationId = "demo-load-" + UUID.randomUUID();
        int written = 0;
        for (DemoAgreement agreement : dataSet.agreements()) {
            if (write(agreement, dataSet.occasion(), correlationId)) {
                written++;
            }
        }
        int total = dataSet.agreements().size();
        return new DemoLoadResult(dataSet.occasion(), total, written, total - written);
    }

    /** @return whether the agreement was written; false when it is in the ledger already */
    private boolean write(DemoAgreement agreement, String occasion, String correlationId) {
        UUID id = agreement.agreementId();
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (eventStore.lastSequenceNumberFor(id.toString()).isPresent()) {
                    return false;
                }
                commands.send(new ProposeAgreement(id, agreement.title(), agreement.kind(), agreement.sector(),
                        agreement.parties(), agreement.value(), occasion, agreement.proposedOn(), ACTOR),
                        ACTOR, correlationId);
                for (Party party : agreement.parties()) {
                    commands.send(new SignAgreement(id, party.partyId(), agreement.signedOn()), ACTOR, correlationId);
                }
                if (agreement.certification() != null) {
                    commands.send(new CertifyAgreement(id, agreement.certification().certificateNo(),
                            agreement.certification().certifiedOn()), ACTOR, correlationId);
                }
                return true;
            }));
        } catch (AggregateStreamCreationException writtenMeanwhile) {
            // another node loading at the same moment wrote it first; its transaction wins whole
            return false;
        }
    }
}
