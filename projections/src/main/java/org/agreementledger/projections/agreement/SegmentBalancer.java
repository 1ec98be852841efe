package org.agreementledger.projections.agreement;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shares the projection's segments evenly among the live nodes, with no node capped: a node holding
 * more than its fair share (segments ÷ live nodes, rounded up, or down while a live node holds
 * none) releases the excess for a while, for the others to claim; a segment nobody claims in that
 * while comes back to it. A node is live while its processor runs and notes so. A node that dies
 * stops noting it is alive, and once its claims time out the others take its segments over: a
 * segment is never left unclaimed for longer than the token claim timeout.
 */
@Component
class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final String PROCESSOR = AgreementProjection.PROCESSING_GROUP;

    private final JdbcTemplate jdbc;
    private final ProjectionProcessor projectionProcessor;
    private final String nodeId;
    /** Alive means noted within half the claim timeout: dead before its claims run out. */
    private final Duration liveness;
    /**
     * Longer than a claim cycle (1 s), so that another node claims a released segment first, and no
     * longer than a claim timeout, so that a node whose taker died gets it back as soon as any claim
     * of a dead node's would run out.
     */
    private final Duration release;

    SegmentBalancer(JdbcTemplate jdbc, ProjectionProcessor projectionProcessor, TokenStoreProperties tokenStore,
                    NodeName nodeName) {
        this.jdbc = jdbc;
        this.projectionProcessor = projectionProcessor;
        this.nodeId = nodeName.value();
        this.liveness = tokenStore.getClaimTimeout().dividedBy(2);
        this.release = tokenStore.getClaimTimeout();
    }

    @Scheduled(initialDelayString = "${ledger.projections.balance-interval:PT2S}",
            fixedDelayString = "${ledger.projections.balance-interval:PT2S}")
    void noteAliveAndBalance() {
        try {
            balance();
        } catch (DataAccessException databaseAway) {
            log.warn("Could not note node {} alive or balance segments: {}", nodeId, databaseAway.getMessage());
        }
    }

    private void balance() {
        StreamingEventProcessor processor = projectionProcessor.processor().orElse(null);
        if (processor == null || !processor.isRunning() || projectionProcessor.failing()) {
            // a node that does not process (stopped for a rebuild, in error) is no node to share with
            return;
        }
        jdbc.update("""
                INSERT INTO processing_node (node_id, heartbeat_at) VALUES (?, now())
                ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()""", nodeId);
        double livenessSeconds = liveness.toMillis() / 1000.0;
        Integer liveNodes = jdbc.queryForObject(
                "SELECT count(*) FROM processing_node WHERE heartbeat_at > now() - make_interval(secs => ?)",
                Integer.class, livenessSeconds);
        Integer segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                Integer.class, PROCESSOR);
        if (liveNodes == null || liveNodes < 2 || segments == null || segments == 0) {
            return;
        }
        Integer idleNodes = jdbc.queryForObject("""
                SELECT count(*) FROM processing_node node
                WHERE heartbeat_at > now() - make_interval(secs => ?)
                  AND NOT EXISTS (SELECT 1 FROM token_entry WHERE processor_name = ? AND owner = node.node_id)""",
                Integer.class, livenessSeconds, PROCESSOR);
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        int keep = shareToKeep(segments, liveNodes, idleNodes == null ? 0 : idleNodes);
        for (int segment : held.subList(Math.min(keep, held.size()), held.size())) {
            log.info("Node {} holds {} of {} segments with {} nodes alive ({} holding none): releasing segment {}"
                    + " for another node", nodeId, held.size(), segments, liveNodes, idleNodes, segment);
            processor.releaseSegment(segment, release.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The fair share (segments ÷ live nodes, rounded up); while a live node holds none, the share
     * rounded down (at least one), so that it gets some: four segments held two and two leave a
     * third node idle although nobody holds more than the fair share.
     */
    static int shareToKeep(int segments, int liveNodes, int idleNodes) {
        int fairShare = (segments + liveNodes - 1) / liveNodes;
        return idleNodes > 0 ? Math.max(1, segments / liveNodes) : fairShare;
    }
}
