package org.agreementledger.api.signing;

import org.agreementledger.api.problem.ClientRefusal;
import org.agreementledger.api.problem.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the ledger keeps of the intents and passkey challenges it issued: a bound on those one
 * account holds neither used nor lapsed ({@code ledger.signatures.max-outstanding}), beyond which a
 * request for another is refused 429 until some are used or lapse; and, hourly, forgetting those
 * lapsed for a day (a lapsed one is refused whether it is kept or not, and the day keeps a refusal
 * explainable).
 */
@Component
public class OutstandingIssuance {

    private static final Logger log = LoggerFactory.getLogger(OutstandingIssuance.class);

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

    /** Forgets the intents and challenges that lapsed more than a day ago; answers how many. */
    @Scheduled(initialDelayString = "${ledger.signatures.intent-purge-interval:PT1H}",
            fixedDelayString = "${ledger.signatures.intent-purge-interval:PT1H}")
    public int forgetLapsed() {
        try {
            return jdbc.update("DELETE FROM signing_intent WHERE expires_at < now() - interval '1 day'")
                    + jdbc.update("DELETE FROM passkey_challenge WHERE expires_at < now() - interval '1 day'");
        } catch (DataAccessException databaseAway) {
            log.warn("Could not forget lapsed signing intents and passkey challenges: {}", databaseAway.getMessage());
            return 0;
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
