package org.agreementledger.api.command;

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

    public LedgerCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> R send(Object command, String actor, String correlationId) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                LedgerMetaData.ACTOR, actor,
                LedgerMetaData.CORRELATION_ID, correlationId)));
    }
}
