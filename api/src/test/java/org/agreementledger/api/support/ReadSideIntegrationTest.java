package org.agreementledger.api.support;

import org.agreementledger.api.command.LedgerCommands;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

/**
 * An integration test of the read side: besides HTTP, commands through the gateway (between any
 * parties), and an occasion of each test's own. All integration tests share one ledger, so a test
 * files its agreements under its occasion and filters on it.
 */
public abstract class ReadSideIntegrationTest extends HttpContractTest {

    @Autowired
    private LedgerCommands ledgerCommands;

    protected GatewayCommands commands;
    protected String occasion;

    @BeforeEach
    void setUpCommandsAndOccasion() {
        commands = new GatewayCommands(ledgerCommands);
        occasion = getClass().getSimpleName() + "-" + UUID.randomUUID();
    }
}
