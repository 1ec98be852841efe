package org.agreementledger.api.web.command;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.agreementledger.api.command.AppendedPosition;
import org.agreementledger.api.command.LedgerCommands;
import org.agreementledger.api.openapi.Refuses;
import org.agreementledger.api.security.PartyNotYoursException;
import org.agreementledger.api.signing.CertifyingAuthority;
import org.agreementledger.api.signing.SignatureCheck;
import org.agreementledger.api.web.idempotency.IdempotentCommandRunner;
import org.agreementledger.ledger.command.CertifyAgreement;
import org.agreementledger.ledger.command.DeclineAgreement;
import org.agreementledger.ledger.command.RevokeCertification;
import org.agreementledger.ledger.command.SignAgreement;
import org.agreementledger.ledger.command.WithdrawAgreement;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.LedgerCalendar;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.agreementledger.ledger.signing.SigningAction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The command side of the HTTP contract. Business dates default to today in the ledger's time
 * zone; the actor is always the authenticated principal, never a value from the body.
 */
@RestController
@RequestMapping(path = "/api/agreements", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class AgreementCommandController {

    private final LedgerCommands commands;
    private final IdempotentCommandRunner runner;
    private final Proposals proposals;
    private final LedgerCalendar calendar;
    private final AppendedPosition appended;
    private final SignatureCheck signatureCheck;
    private final CertifyingAuthority authority;

    public AgreementCommandController(LedgerCommands commands, IdempotentCommandRunner runner, Proposals proposals,
                                      LedgerCalendar calendar, AppendedPosition appended,
                                      SignatureCheck signatureCheck, CertifyingAuthority authority) {
        this.commands = commands;
        this.runner = runner;
        this.proposals = proposals;
        this.calendar = calendar;
        this.appended = appended;
        this.signatureCheck = signatureCheck;
        this.authority = authority;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "proposed: the agreement's id, status and correlation id")
    public ResponseEntity<Object> propose(@Valid @RequestBody ProposeAgreementRequest body, CommandContext context) {
        String actor = context.actor().name();
        return runner.run(actor, context.idempotencyKey(), context.identity(body),
                () -> proposals.propose(body, actor, context.correlationId()));
    }

    @PostMapping("/{agreementId}/signatures")
    @Refuses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    public ResponseEntity<Object> sign(@PathVariable UUID agreementId, @Valid @RequestBody SignatureRequest body,
                                       CommandContext context) {
        return runCommand(agreementId, context, body, () -> {
            PartyNotYoursException.requireMayActFor(context.actor(), body.partyId());
            LocalDate signedOn = orToday(body.signedOn());
            return new SignAgreement(agreementId, body.partyId(), signedOn,
                    checkedSignature(agreementId, SigningAction.SIGN, body.partyId(), signedOn, body.signature()));
        });
    }

    @PostMapping("/{agreementId}/declines")
    @Refuses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    public ResponseEntity<Object> decline(@PathVariable UUID agreementId, @Valid @RequestBody DeclineRequest body,
                                          CommandContext context) {
        return runCommand(agreementId, context, body, () -> {
            PartyNotYoursException.requireMayActFor(context.actor(), body.partyId());
            LocalDate declinedOn = orToday(body.declinedOn());
            return new DeclineAgreement(agreementId, body.partyId(), declinedOn, body.reason(),
                    checkedSignature(agreementId, SigningAction.DECLINE, body.partyId(), declinedOn, body.signature()));
        });
    }

    @PostMapping("/{agreementId}/withdrawal")
    @Refuses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    public ResponseEntity<Object> withdraw(@PathVariable UUID agreementId, @Valid @RequestBody WithdrawalRequest body,
                                           CommandContext context) {
        return runCommand(agreementId, context, body,
                () -> new WithdrawAgreement(agreementId, orToday(body.withdrawnOn()), body.reason(),
                        context.actor().name()));
    }

    @PostMapping("/{agreementId}/certification")
    @Refuses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    public ResponseEntity<Object> certify(@PathVariable UUID agreementId,
                                          @Valid @RequestBody CertificationRequest body, CommandContext context) {
        return runCommand(agreementId, context, body, () -> {
            LocalDate certifiedOn = orToday(body.certifiedOn());
            return new CertifyAgreement(agreementId, body.certificateNo(), certifiedOn, checkedSignature(agreementId,
                    SigningAction.CERTIFY, authority.id(), certifiedOn, body.signature()));
        });
    }

    @PostMapping("/{agreementId}/certification/revocation")
    @Refuses({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    public ResponseEntity<Object> revoke(@PathVariable UUID agreementId, @Valid @RequestBody RevocationRequest body,
                                         CommandContext context) {
        return runCommand(agreementId, context, body, () -> {
            LocalDate revokedOn = orToday(body.revokedOn());
            return new RevokeCertification(agreementId, revokedOn, body.reason(), checkedSignature(agreementId,
                    SigningAction.REVOKE, authority.id(), revokedOn, body.signature()));
        });
    }

    /** Sends a command on an existing agreement and answers 200 with the status it is in afterwards. */
    private ResponseEntity<Object> runCommand(UUID agreementId, CommandContext context, Object body,
                                              Supplier<Object> command) {
        String actor = context.actor().name();
        return runner.run(actor, context.idempotencyKey(), context.identity(body), () -> {
            AgreementStatus status = commands.send(command.get(), actor, context.correlationId());
            return ResponseEntity.ok()
                    .body(new CommandAccepted(agreementId, status, context.correlationId(), appended.ofLastEvent()));
        });
    }

    /**
     * The signer's own key's signature (the party's, or the certifying authority's), checked at the
     * door; none when the request carries none and the deployment accepts acts by an authenticated
     * request only.
     */
    private SignerKeySignature checkedSignature(UUID agreementId, SigningAction action, String partyId,
                                                LocalDate businessDate, SignerKeySignatureRequest signature) {
        if (signature == null) {
            signatureCheck.requireAccountLevelAccepted(action);
            return null;
        }
        return signatureCheck.check(agreementId, action, partyId, businessDate, signature.toSignature());
    }

    private LocalDate orToday(LocalDate businessDate) {
        return businessDate == null ? calendar.today() : businessDate;
    }
}
