package org.agreementledger.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;
import java.util.function.Function;

/**
 * An {@link AgreementSigned}, {@link AgreementDeclined}, {@link AgreementCertified},
 * {@link CertificationRevoked} or {@link SignerKeyApproved} of revision 1 is one of revision 2
 * without a signer key's signature, and a {@link SignerKeyRegistered} one an Ed25519 key's, without a
 * passkey's credential: read as revision 2, content unchanged. After
 * {@link UnrevisionedEventUpcaster} in the chain.
 */
public final class SignatureWithoutSignerKeyUpcaster extends SingleEventUpcaster {

    private static final List<String> TYPES = List.of(AgreementSigned.class.getName(), AgreementDeclined.class.getName(),
            AgreementCertified.class.getName(), CertificationRevoked.class.getName(), SignerKeyApproved.class.getName(),
            SignerKeyRegistered.class.getName());
    private static final String REVISION_TWO = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return TYPES.contains(intermediateRepresentation.getType().getName())
                && UnrevisionedEventUpcaster.FIRST_REVISION.equals(intermediateRepresentation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(
                new SimpleSerializedType(intermediateRepresentation.getType().getName(), REVISION_TWO),
                JsonNode.class, Function.identity());
    }
}
