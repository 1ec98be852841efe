package org.agreementledger.api.support.load;

import org.agreementledger.ledger.domain.Party;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A way to send the ledger's commands. Each answers whether the ledger accepted the command; a
 * refusal (a broken rule, a party that is not the sender's) answers false, anything else fails.
 */
public interface CommandChannel {

    /** The new agreement's id, or empty when the proposal was refused. */
    Optional<UUID> propose(Proposal proposal);

    boolean sign(UUID agreementId, Party party, LocalDate on);

    boolean decline(UUID agreementId, Party party, LocalDate on);

    /** @param byTheProposer whether the proposer withdraws, or someone else tries to */
    boolean withdraw(UUID agreementId, boolean byTheProposer, LocalDate on);

    boolean certify(UUID agreementId, LocalDate on);

    boolean revoke(UUID agreementId, LocalDate on);
}
