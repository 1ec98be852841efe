package org.agreementledger.api.web.audit;

import org.agreementledger.projections.InvalidQueryException;

/** The parameters of a feed read page by page: a position to start after and a page size. */
public final class FeedParameters {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private FeedParameters() {
    }

    /** A global position given as a parameter, refused when negative. */
    public static long position(String parameter, long position) {
        if (position < 0) {
            throw new InvalidQueryException(parameter, parameter + " is a global position, 0 or more");
        }
        return position;
    }

    /** A page size given as {@code limit}: at least 1, capped at {@value #MAX_LIMIT}. */
    public static int limit(int limit) {
        if (limit < 1) {
            throw new InvalidQueryException("limit", "limit must be at least 1");
        }
        return Math.min(limit, MAX_LIMIT);
    }
}
