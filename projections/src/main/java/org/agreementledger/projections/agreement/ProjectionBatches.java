package org.agreementledger.projections.agreement;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Each batch of the read side's processor is one transaction: read model changes and the segment's
 * token. Its commit is durable like any other: a batch whose commit was lost (a commit not waited
 * for, then a failover to a standby that never got it, or a crash of a database the service
 * outlives) would leave the processor running on with a position the database no longer holds,
 * and the events of that batch would never reach the read models (ReplicatedDatabaseIT found it).
 * After each commit, whoever asked is told ({@link #afterEachCommit}).
 */
@Component
public class ProjectionBatches implements ConfigurerModule {

    private static final Object BATCH = ProjectionBatches.class;

    private final List<Runnable> afterCommit = new CopyOnWriteArrayList<>();

    /** Runs after the commit of each batch; it must be quick. */
    public void afterEachCommit(Runnable listener) {
        afterCommit.add(listener);
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerHandlerInterceptor(AgreementProjection.PROCESSING_GROUP,
                configuration -> this::handle);
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                          InterceptorChain chain) throws Exception {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(BATCH)) {
            TransactionSynchronizationManager.bindResource(BATCH, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BATCH);
                    if (status == STATUS_COMMITTED) {
                        afterCommit.forEach(Runnable::run);
                    }
                }
            });
        }
        return chain.proceed();
    }
}
