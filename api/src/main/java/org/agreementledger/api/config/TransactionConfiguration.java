package org.agreementledger.api.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    /** Named as Spring Boot's own, which it replaces; Axon's transactions go through it too. */
    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource,
                                                  @Value("${ledger.database.commit-timeout}") Duration commitTimeout) {
        return new CommitBoundTransactionManager(dataSource, commitTimeout);
    }
}
