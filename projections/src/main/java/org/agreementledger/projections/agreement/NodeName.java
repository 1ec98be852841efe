package org.agreementledger.projections.agreement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/**
 * This node's name among the nodes sharing the projection's segments: the owner of its token claims
 * and its row in {@code processing_node}. {@code ledger.node-id} when set (two nodes in one JVM, as
 * the scale-out tests start, must not share a name); otherwise the token store's own default,
 * process id and host.
 */
@Component
public class NodeName {

    private final String value;

    public NodeName(@Value("${ledger.node-id:}") String configured) {
        this.value = configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
