package org.agreementledger.projections.agreement;

import org.agreementledger.projections.support.ReadModelDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchGuardedTokenStoreTest {

    private static final String PROCESSOR = "guarded-token-test";

    private final DataSource dataSource = ReadModelDatabase.dataSource();
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private BatchGuardedTokenStore tokens;

    @BeforeEach
    void oneSegmentClaimedByThisNode() {
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", PROCESSOR);
        tokens = new BatchGuardedTokenStore(JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .schema(BatchGuardedTokenStore.TOKEN_TABLE)
                .serializer(JacksonSerializer.defaultSerializer())
                .nodeId("node-a"), jdbc);
        transaction.executeWithoutResult(status -> tokens.initializeTokenSegments(PROCESSOR, 1));
        transaction.executeWithoutResult(status -> tokens.fetchToken(PROCESSOR, 0));
    }

    @Test
    void eachBatchStoredMovesTheSegmentsVersionOn() {
        storeInABatch(position(1));
        storeInABatch(position(2));

        assertThat(version()).isEqualTo(2);
        TrackingToken stored = transaction.execute(status -> tokens.fetchToken(PROCESSOR, 0));
        assertThat(stored).isEqualTo(position(2));
    }

    @Test
    void aBatchWhoseCommitWasLostRefusesTheNextUntilTheSegmentIsClaimedAgainFromWhatTheDatabaseHolds() {
        storeInABatch(position(1));
        Map<String, Object> beforeTheLostBatch = jdbc.queryForMap(
                "SELECT token, batch_version FROM token_entry WHERE processor_name = ?", PROCESSOR);
        storeInABatch(position(2));
        // the database as a standby promoted after the primary committed that batch without waiting
        jdbc.update("UPDATE token_entry SET token = ?, batch_version = ? WHERE processor_name = ?",
                beforeTheLostBatch.get("token"), beforeTheLostBatch.get("batch_version"), PROCESSOR);

        assertThatThrownBy(() -> storeInABatch(position(3))).isInstanceOf(UnableToClaimTokenException.class)
                .hasMessageContaining("a batch's commit was lost");
        assertThat(version()).as("the refused batch wrote nothing").isEqualTo(1);

        TrackingToken claimedAgain = transaction.execute(status -> tokens.fetchToken(PROCESSOR, 0));
        assertThat(claimedAgain).as("the lost batch's events are processed again").isEqualTo(position(1));
        storeInABatch(position(2));
        assertThat(version()).isEqualTo(2);
    }

    @Test
    void aBatchRolledBackLeavesTheNodeOnTheVersionTheDatabaseHolds() {
        transaction.executeWithoutResult(status -> {
            tokens.storeToken(position(1), PROCESSOR, 0);
            status.setRollbackOnly();
        });

        storeInABatch(position(1));
        assertThat(version()).isEqualTo(1);
    }

    private void storeInABatch(TrackingToken token) {
        transaction.executeWithoutResult(status -> tokens.storeToken(token, PROCESSOR, 0));
    }

    private long version() {
        return jdbc.queryForObject("SELECT batch_version FROM token_entry WHERE processor_name = ?", Long.class,
                PROCESSOR);
    }

    private static TrackingToken position(long index) {
        return new GlobalSequenceTrackingToken(index);
    }
}
