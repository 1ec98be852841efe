package org.agreementledger.api.operations;

import org.agreementledger.api.support.ReplicatedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** On a primary whose commits flow the database takes commits; on a standby there is no primary. */
class DatabaseCommitsHealthIT {

    @Test
    void aPrimaryTakesCommitsAndAStandbyIsNoPrimary() throws Exception {
        Assumptions.assumeTrue(ReplicatedPostgres.available(), "PostgreSQL's binaries (pg_basebackup) are missing");
        try (ReplicatedPostgres database = ReplicatedPostgres.start(Files.createTempDirectory("ledger-health"), false)) {
            Health primary = healthOf(database.primaryUrl());
            assertThat(primary.getStatus()).as(primary.toString()).isEqualTo(Status.UP);
            assertThat(primary.getDetails()).containsEntry("commitsWaitingForStandby", 0L);

            Health standby = healthOf(database.standbyUrl());
            assertThat(standby.getStatus()).as(standby.toString()).isEqualTo(Status.DOWN);
            assertThat(standby.getDetails().get("reason")).asString().startsWith("no primary");
        }
    }

    private static Health healthOf(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        return new DatabaseCommitsHealthIndicator(new JdbcTemplate(dataSource), Duration.ofSeconds(1)).health();
    }
}
