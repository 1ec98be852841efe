package org.agreementledger.projections.agreement;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How many of the projection's segments one node may claim. Unset, the first node up claims every
 * segment and the others stand by until it stops; with several nodes, a limit (e.g. 2 of 4 on two
 * nodes) shares the processing between them through the token store.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionSegmentClaims {

    @Bean
    @ConditionalOnProperty("ledger.projections.max-claimed-segments")
    ConfigurerModule limitClaimedSegments(@Value("${ledger.projections.max-claimed-segments}") int maxClaimedSegments) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                AgreementProjection.PROCESSING_GROUP,
                (configuration, processor) -> processor.maxClaimedSegments(maxClaimedSegments));
    }
}
