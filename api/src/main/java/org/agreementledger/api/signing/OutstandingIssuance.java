package org.agreementledger.api.signing;

import org.agreementledger.api.problem.ClientRefusal;
import org.agreementledger.api.problem.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A bound on what one account keeps the ledger holding for it: the intents and passkey challenges
 * issued to it that are neither used nor lapsed ({@code ledger.signatures.max-outstanding}). Beyond
 * it, a request for another is refused 429 until some are used or lapse.
 */
@Component
class OutstandingIssuance {

    private final JdbcTemplate jdbc;
    private final int maximum;

    OutstandingIssuance(JdbcTemplate jdbc, @Value("${ledger.signatures.max-outstanding}") int maximum) {
        this.jdbc = jdbc;
        this.maximum = maximum;
    }

    /** Refuses another issuance to the account when it holds the most it may. */
    void requireRoomFor(String issuedTo) {
        Long outstanding = jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM signing_intent WHERE issued_to = ? AND used_at IS NULL AND expires_at > now())
                     + (SELECT count(*) FROM passkey_challenge WHERE issued_to = ? AND used_at IS NULL AND expires_at > now())""",
                Long.class, issuedTo, issuedTo);
        if (outstanding != null && outstanding >= maximum) {
            throw new TooManyOutstanding(issuedTo, outstanding);
        }
    }

    /** The refusal: the account holds as many unused, unlapsed intents and challenges as it may. */
    static final class TooManyOutstanding extends ClientRefusal {

        TooManyOutstanding(String issuedTo, long outstanding) {
            super(ProblemCode.INTENTS_OUTSTANDING, null, "'" + issuedTo + "' holds " + outstanding
                    + " intents and passkey challenges neither used nor lapsed: use them, or wait until they lapse");
        }
    }
}
