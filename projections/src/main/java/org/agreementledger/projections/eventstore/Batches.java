package org.agreementledger.projections.eventstore;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Rows read a batch at a time as they are consumed, each batch the rows after the last one read
 * (keyset paging): no transaction or cursor is held between batches, so it suits rows that no
 * longer change, such as events at or before the stable position.
 *
 * @param <T> a row
 */
public final class Batches<T> implements Iterator<T> {

    private final int batchSize;
    private final Function<T, List<T>> batchAfter;
    private List<T> batch = List.of();
    private int next;
    private T last;
    private boolean exhausted;

    /**
     * @param batchAfter the next at most {@code batchSize} rows after the row given, in order; the
     *                   first rows for null
     */
    public Batches(int batchSize, Function<T, List<T>> batchAfter) {
        this.batchSize = batchSize;
        this.batchAfter = batchAfter;
    }

    @Override
    public boolean hasNext() {
        if (next == batch.size() && !exhausted) {
            batch = batchAfter.apply(last);
            next = 0;
            exhausted = batch.size() < batchSize;
            if (!batch.isEmpty()) {
                last = batch.get(batch.size() - 1);
            }
        }
        return next < batch.size();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(next++);
    }
}
