package org.agreementledger.projections.agreement;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A failing event handler fails its whole batch. Axon's default logs the failure and goes on, and
 * the token would move past an event the read model never took in. Propagating it rolls the batch
 * back instead (read model and token together), and the processor retries it with back-off.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionErrorHandling {

    @Bean
    ConfigurerModule failBatchOnProjectionError() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                AgreementProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
