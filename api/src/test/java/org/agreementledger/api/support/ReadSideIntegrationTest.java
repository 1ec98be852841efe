package org.agreementledger.api.support;

import org.agreementledger.api.web.command.LedgerCommands;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.UUID;

/**
 * An integration test of the read side: HTTP calls as the configured users, commands through the
 * gateway, and an occasion of each test's own. All integration tests share one ledger, so a test
 * files its agreements under its occasion and filters on it.
 */
@LedgerIntegrationTest
public abstract class ReadSideIntegrationTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private LedgerCommands ledgerCommands;

    protected LedgerClient client;
    protected GatewayCommands commands;
    protected String occasion;

    @BeforeEach
    void setUpClientsAndOccasion() {
        client = new LedgerClient(rest);
        commands = new GatewayCommands(ledgerCommands);
        occasion = getClass().getSimpleName() + "-" + UUID.randomUUID();
    }
}
