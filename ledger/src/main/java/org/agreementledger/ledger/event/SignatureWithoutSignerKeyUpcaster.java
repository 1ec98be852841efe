package org.agreementledger.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Function;

/**
 * An {@link AgreementSigned} of revision 1 is one of revision 2 without a signer key's signature:
 * read as revision 2, content unchanged. After {@link UnrevisionedEventUpcaster} in the chain.
 */
public final class SignatureWithoutSignerKeyUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_ONE =
            new SimpleSerializedType(AgreementSigned.class.getName(), UnrevisionedEventUpcaster.FIRST_REVISION);
    private static final SimpleSerializedType REVISION_TWO = new SimpleSerializedType(AgreementSigned.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return REVISION_ONE.equals(intermediateRepresentation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(REVISION_TWO, JsonNode.class, Function.identity());
    }
}
