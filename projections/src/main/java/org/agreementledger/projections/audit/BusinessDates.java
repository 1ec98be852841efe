package org.agreementledger.projections.audit;

import org.agreementledger.ledger.chain.StoredEvent;
import org.agreementledger.ledger.event.AgreementEvent;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** The business date an event records, read from its payload as the event store's serializer reads it. */
@Component
public class BusinessDates {

    private final Serializer eventSerializer;

    public BusinessDates(@Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventSerializer = eventSerializer;
    }

    /** The date, or null when the payload no longer reads as an agreement event: the trail still shows it. */
    public LocalDate of(StoredEvent event) {
        try {
            Object payload = eventSerializer.deserialize(new SimpleSerializedObject<>(event.payload(), byte[].class,
                    event.payloadType(), event.payloadRevision()));
            return payload instanceof AgreementEvent agreementEvent ? agreementEvent.businessDate() : null;
        } catch (SerializationException unreadable) {
            return null;
        }
    }
}
