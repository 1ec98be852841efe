package org.agreementledger.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Events stored before the event types carried revisions have none; their stored form is that of
 * revision 1, so they are read as revision 1, content unchanged. First in the upcaster chain.
 */
public final class UnrevisionedEventUpcaster extends SingleEventUpcaster {

    static final String FIRST_REVISION = "1";
    private static final Set<String> LEDGER_EVENT_TYPES = Arrays.stream(AgreementEvent.class.getPermittedSubclasses())
            .map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.getType().getRevision() == null
                && LEDGER_EVENT_TYPES.contains(intermediateRepresentation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(
                new SimpleSerializedType(intermediateRepresentation.getType().getName(), FIRST_REVISION),
                JsonNode.class, Function.identity());
    }
}
