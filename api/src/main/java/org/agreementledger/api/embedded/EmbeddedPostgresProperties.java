package org.agreementledger.api.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster lives; it survives restarts of the service
 * @param port          the port it listens on, 0 for any free port
 * @param cleanOnStart  wipe the data directory first (tests only)
 */
@ConfigurationProperties("ledger.embedded-postgres")
record EmbeddedPostgresProperties(Path dataDirectory, int port, boolean cleanOnStart) {

    public EmbeddedPostgresProperties {
        dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
    }
}
