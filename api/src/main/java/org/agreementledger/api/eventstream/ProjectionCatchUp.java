package org.agreementledger.api.eventstream;

import org.agreementledger.projections.agreement.AgreementProjection;
import org.agreementledger.projections.reconciliation.ProcessorPositions;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Read-your-writes: waits, a bounded time, until the read models have taken in the event at a global
 * position, that is until the segment of the read side's processor that handles the event's agreement
 * has passed it, on whichever node (the other segments store their tokens only now and then). It
 * looks again each time a token moves anywhere ({@link LedgerSignals}), not on a timer.
 */
@Component
public class ProjectionCatchUp {

    private final ProcessorPositions positions;
    private final NotifiedEventSource source;
    private final Lock lock = new ReentrantLock();
    private final Condition tokensMoved = lock.newCondition();
    private long moves;

    public ProjectionCatchUp(ProcessorPositions positions, NotifiedEventSource source, LedgerSignals signals) {
        this.positions = positions;
        this.source = source;
        signals.subscribe(LedgerSignals.Signal.TOKENS_MOVED, this::tokensMoved);
    }

    /** @return whether the read models cover the agreement's event at the position within the bound */
    public boolean reached(String agreementId, long position, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        source.hurry();
        while (true) {
            long movesSeen = moves();
            if (positions.coverageOf(AgreementProjection.PROCESSING_GROUP).covers(agreementId, position)) {
                return true;
            }
            if (!awaitMoveAfter(movesSeen, deadline)) {
                return false;
            }
        }
    }

    private void tokensMoved() {
        lock.lock();
        try {
            moves++;
            tokensMoved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long moves() {
        lock.lock();
        try {
            return moves;
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitMoveAfter(long movesSeen, long deadline) throws InterruptedException {
        lock.lock();
        try {
            while (moves == movesSeen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                tokensMoved.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
