package org.agreementledger.projections.agreement;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Each batch of the read side's processor is one transaction: read model changes and the segment's
 * token. Its commit does not wait for its fsync: the read models are derived from the events, and a
 * crash or a failover can only lose whole batches, token included. A processor that outlives the
 * loss would run on from the position in its memory and skip the lost batch's events; the token
 * store refuses its next batch instead ({@link BatchGuardedTokenStore}), and the segment is claimed
 * again from the position the database holds. (Made to wait, the read side's commits, one for every
 * command's commit once it follows the ledger within milliseconds, would double the fsyncs that
 * commands wait behind.) After each commit, whoever asked is told ({@link #afterEachCommit}).
 */
@Component
public class ProjectionBatches implements ConfigurerModule {

    private static final Object BATCH = ProjectionBatches.class;

    private final JdbcTemplate jdbc;
    private final List<Runnable> afterCommit = new CopyOnWriteArrayList<>();

    public ProjectionBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

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
            jdbc.execute("SET LOCAL synchronous_commit = off");
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
