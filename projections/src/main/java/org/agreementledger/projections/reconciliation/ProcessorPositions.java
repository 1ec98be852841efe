package org.agreementledger.projections.reconciliation;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads an event processor's tokens straight from token_entry, without claiming them (the token
 * store's own reads claim), so that they can be read in the same snapshot as the read model.
 */
@Component
public class ProcessorPositions {

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;

    /** @param tokenSerializer the general serializer, which the JDBC token store writes tokens with */
    public ProcessorPositions(JdbcTemplate jdbc, Serializer tokenSerializer) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    public ProcessorCoverage coverageOf(String processorName) {
        List<StoredToken> stored = jdbc.query(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (row, i) -> new StoredToken(row.getInt("segment"), row.getBytes("token"), row.getString("token_type")),
                processorName);
        int[] segmentIds = stored.stream().mapToInt(StoredToken::segment).toArray();
        return new ProcessorCoverage(stored.stream()
                .map(token -> new ProcessorCoverage.SegmentPosition(Segment.computeSegment(token.segment(), segmentIds),
                        positionOf(token)))
                .toList());
    }

    /** The position reached; during a replay, the position the replay has reached. */
    private GapAwareTrackingToken positionOf(StoredToken stored) {
        if (stored.token() == null) {
            return null;
        }
        TrackingToken token = tokenSerializer.deserialize(
                new SimpleSerializedObject<>(stored.token(), byte[].class, stored.tokenType(), null));
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElse(null);
    }

    private record StoredToken(int segment, byte[] token, String tokenType) {
    }
}
