package org.agreementledger.api.embedded;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * The embedded default: with no database configured, the service runs its own PostgreSQL server
 * from a Maven dependency, keeping its data in a directory that survives restarts
 * ({@link EmbeddedPostgresServer}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        return EmbeddedPostgresServer.start(properties);
    }

    /** The pool, with the same settings as an external database's ({@code spring.datasource.hikari}). */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("ledger-embedded");
        return dataSource;
    }
}
