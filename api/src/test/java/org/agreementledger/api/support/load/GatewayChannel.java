package org.agreementledger.api.support.load;

import org.agreementledger.api.support.GatewayCommands;
import org.agreementledger.ledger.domain.LedgerRuleViolation;
import org.agreementledger.ledger.domain.Party;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Commands through the command gateway, between any parties. */
public class GatewayChannel implements CommandChannel {

    private final GatewayCommands commands;

    public GatewayChannel(GatewayCommands commands) {
        this.commands = commands;
    }

    @Override
    public Optional<UUID> propose(Proposal proposal) {
        try {
            return Optional.of(commands.propose(proposal.occasion(), proposal.sector(), proposal.kind(),
                    proposal.value(), proposal.proposedOn(), proposal.parties().toArray(Party[]::new)));
        } catch (LedgerRuleViolation refused) {
            return Optional.empty();
        }
    }

    @Override
    public boolean sign(UUID agreementId, Party party, LocalDate on) {
        return accepted(() -> commands.sign(agreementId, party, on));
    }

    @Override
    public boolean decline(UUID agreementId, Party party, LocalDate on) {
        return accepted(() -> commands.decline(agreementId, party, on));
    }

    @Override
    public boolean withdraw(UUID agreementId, boolean byTheProposer, LocalDate on) {
        return accepted(() -> commands.withdraw(agreementId,
                byTheProposer ? GatewayCommands.REGISTRAR : "another-registrar", on));
    }

    @Override
    public boolean certify(UUID agreementId, LocalDate on) {
        return accepted(() -> commands.certify(agreementId, on));
    }

    @Override
    public boolean revoke(UUID agreementId, LocalDate on) {
        return accepted(() -> commands.revoke(agreementId, on));
    }

    private static boolean accepted(Supplier<?> command) {
        try {
            command.get();
            return true;
        } catch (LedgerRuleViolation refused) {
            return false;
        }
    }
}
