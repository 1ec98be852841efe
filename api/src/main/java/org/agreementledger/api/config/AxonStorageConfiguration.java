package org.agreementledger.api.config;

import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.chain.HashChainingEventStorageEngine;
import org.agreementledger.ledger.event.SignatureWithoutSignerKeyUpcaster;
import org.agreementledger.ledger.event.UnrevisionedEventUpcaster;
import org.agreementledger.ledger.metadata.ActorCorrelationDataProvider;
import org.agreementledger.projections.agreement.BatchGuardedTokenStore;
import org.agreementledger.projections.agreement.NodeName;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * Axon's event store and token store on PostgreSQL through JDBC, with the tables the Flyway
 * migrations create; events are written only through the hash chain ({@link HashChainingEventStorageEngine}).
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int EVENTS_PER_READ = 1000;

    @Bean
    EventSchema eventSchema() {
        return HashChainingEventStorageEngine.EVENT_TABLE;
    }

    @Bean
    TokenSchema tokenSchema() {
        return BatchGuardedTokenStore.TOKEN_TABLE;
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventStoreGapProperties gaps,
                                          Clock clock,
                                          EventAttestation attestation) {
        return HashChainingEventStorageEngine.onJdbc(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                // events a query reads: Axon's 100 cost a round trip per 100 events to a catch-up or rebuild
                .batchSize(EVENTS_PER_READ)
                .gapTimeout(Math.toIntExact(gaps.gapTimeout().toMillis()))
                .maxGapOffset(gaps.maxGapOffset())
                .gapCleaningThreshold(gaps.gapCleaningThreshold()), eventSerializer, clock, attestation);
    }

    /**
     * The token store, as Axon's auto-configuration would make it, but claiming segments in the
     * name of the node ({@link NodeName}). Each batch's token is stored only on top of the one the
     * node holds ({@link BatchGuardedTokenStore}).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          TokenStoreProperties tokenStoreProperties, JdbcTemplate jdbc, NodeName nodeName) {
        JdbcTokenStore.Builder tokenStore = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(nodeName.value());
        return new BatchGuardedTokenStore(tokenStore, jdbc);
    }

    /**
     * PostgreSQL reports a duplicate (agreement, sequence) as SQL state 23505; Axon's default JDBC
     * resolver looks for a JDBC exception type the PostgreSQL driver never throws, and would turn
     * two writers racing on one agreement into a server error instead of a concurrency conflict.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /** First in the upcaster chain: events stored before the event types carried revisions are revision 1. */
    @Bean
    @Order(0)
    EventUpcaster unrevisionedEventUpcaster() {
        return new UnrevisionedEventUpcaster();
    }

    /** Next: a signature of revision 1 is one of revision 2 without a signer key's signature. */
    @Bean
    @Order(1)
    EventUpcaster signatureWithoutSignerKeyUpcaster() {
        return new SignatureWithoutSignerKeyUpcaster();
    }

    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new ActorCorrelationDataProvider();
    }
}
