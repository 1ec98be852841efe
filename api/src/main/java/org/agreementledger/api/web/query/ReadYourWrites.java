package org.agreementledger.api.web.query;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.agreementledger.api.eventstream.ProjectionCatchUp;
import org.agreementledger.api.openapi.ReadsOwnWrites;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.NotYetProjectedException;
import org.agreementledger.projections.eventstore.EventOwner;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;

/**
 * A query that {@link ReadsOwnWrites}, sent with its header (the {@code position} a command answered),
 * is answered only once the read models have taken in the event at that position. If they
 * have not within {@code ledger.read-your-writes.max-wait}, it is refused 503 {@code not-yet-projected}
 * with Retry-After, never answered with a stale read. A position that holds no event was never
 * answered by a command: 400. A position of another aggregate's event (a signer key's) is taken
 * in as soon as it is there: the read models hold nothing of it.
 */
@Component
class ReadYourWrites implements HandlerInterceptor {

    private static final String HEADER = ReadsOwnWrites.HEADER;

    private final ProjectionCatchUp catchUp;
    private final StoredEvents storedEvents;
    private final Duration maxWait;

    ReadYourWrites(ProjectionCatchUp catchUp, StoredEvents storedEvents,
                   @Value("${ledger.read-your-writes.max-wait}") Duration maxWait) {
        this.catchUp = catchUp;
        this.storedEvents = storedEvents;
        this.maxWait = maxWait;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String header = request.getHeader(HEADER);
        boolean readsOwnWrites = handler instanceof HandlerMethod query && query.hasMethodAnnotation(ReadsOwnWrites.class);
        if (header == null || !readsOwnWrites) {
            return true;
        }
        long position = positionIn(header);
        EventOwner owner = storedEvents.ownerAt(position).orElseThrow(() -> new InvalidQueryException(HEADER,
                "No event is at position " + position + ": send the position a command answered"));
        if (!owner.isAgreement()) {
            return true; // the read models pass other aggregates' events by: nothing to wait for
        }
        if (!catchUp.reached(owner.aggregateIdentifier(), position, maxWait)) {
            throw new NotYetProjectedException("The read models have not taken in position " + position + " within "
                    + maxWait.toMillis() + " ms; ask again in a moment.");
        }
        return true;
    }

    private static long positionIn(String header) {
        try {
            long position = Long.parseLong(header.strip());
            if (position >= 1) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidQueryException(HEADER, HEADER + " is the position a command answered: a whole number from 1");
    }
}
