package org.agreementledger.ledger.metadata;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries the actor and the correlation id of a command onto every event it causes. A command
 * without a correlation id is its own correlation: its message id is used.
 */
public class ActorCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object actor = message.getMetaData().get(LedgerMetaData.ACTOR);
        if (actor != null) {
            data.put(LedgerMetaData.ACTOR, actor);
        }
        data.put(LedgerMetaData.CORRELATION_ID,
                message.getMetaData().getOrDefault(LedgerMetaData.CORRELATION_ID, message.getIdentifier()));
        return data;
    }
}
