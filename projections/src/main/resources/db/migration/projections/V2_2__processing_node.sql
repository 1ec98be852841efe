-- The nodes that process the read side, each noting every few seconds that it is alive, so that the
-- live ones share the event processor's segments evenly (SegmentBalancer).
CREATE TABLE processing_node (
    node_id      TEXT PRIMARY KEY,
    heartbeat_at TIMESTAMPTZ NOT NULL
);
