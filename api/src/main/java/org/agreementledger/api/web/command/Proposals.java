package org.agreementledger.api.web.command;

import org.agreementledger.api.command.AppendedPosition;
import org.agreementledger.api.command.LedgerCommands;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.LedgerCalendar;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.UUID;

/** Proposes an agreement, for a request and for each row of an imported list alike. */
@Component
class Proposals {

    private final LedgerCommands commands;
    private final LedgerCalendar calendar;
    private final AppendedPosition appended;

    Proposals(LedgerCommands commands, LedgerCalendar calendar, AppendedPosition appended) {
        this.commands = commands;
        this.calendar = calendar;
        this.appended = appended;
    }

    /** Sends the proposal under a new agreement id; answers 201 with the id, status, correlation id and position. */
    ResponseEntity<Object> propose(ProposeAgreementRequest proposal, String actor, String correlationId) {
        UUID agreementId = UUID.randomUUID();
        commands.send(proposal.toCommand(agreementId, actor, calendar.today()), actor, correlationId);
        return ResponseEntity.created(URI.create("/api/agreements/" + agreementId))
                .body(new CommandAccepted(agreementId, AgreementStatus.PROPOSED, correlationId, appended.ofLastEvent()));
    }
}
