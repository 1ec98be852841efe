package org.agreementledger.api.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The global position of the last event appended in the current transaction: PostgreSQL's
 * {@code currval} of the global index's sequence, which is per session, so it is this transaction's
 * own last event whatever other sessions append meanwhile. Asked inside the command's transaction.
 */
@Component
public class AppendedPosition {

    private final JdbcTemplate jdbc;

    public AppendedPosition(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long ofLastEvent() {
        return jdbc.queryForObject("SELECT currval(pg_get_serial_sequence('domain_event_entry', 'global_index'))",
                Long.class);
    }
}
