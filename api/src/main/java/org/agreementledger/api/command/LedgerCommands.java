package org.agreementledger.api.command;

import io.micrometer.core.instrument.MeterRegistry;
import org.agreementledger.api.problem.Refusals;
import org.agreementledger.ledger.metadata.LedgerMetaData;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Sends commands on behalf of an actor. The actor and the correlation id travel as command
 * metadata and end up in the metadata of every event the command causes.
 */
@Component
public class LedgerCommands {

    private final CommandGateway commandGateway;
    private final MeterRegistry meters;

    public LedgerCommands(CommandGateway commandGateway, MeterRegistry meters) {
        this.commandGateway = commandGateway;
        this.meters = meters;
    }

    /** Sends the command and counts it in {@code ledger.commands}, by type and outcome (accepted or the refusal's code). */
    public <R> R send(Object command, String actor, String correlationId) {
        String outcome = "accepted";
        try {
            return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                    LedgerMetaData.ACTOR, actor,
                    LedgerMetaData.CORRELATION_ID, correlationId)));
        } catch (RuntimeException refused) {
            outcome = Refusals.problemFor(refused).or(() -> Refusals.unavailability(refused))
                    .map(problem -> String.valueOf(problem.getProperties().get("code")))
                    .orElse("error");
            throw refused;
        } finally {
            meters.counter("ledger.commands", "type", command.getClass().getSimpleName(), "outcome", outcome)
                    .increment();
        }
    }
}
