package org.agreementledger.api.web.audit;

import org.agreementledger.api.openapi.Refuses;
import org.agreementledger.ledger.audit.AgreementCertificate;
import org.agreementledger.ledger.audit.AuditEvent;
import org.agreementledger.projections.audit.AgreementCertificates;
import org.agreementledger.projections.audit.AuditTrail;
import org.agreementledger.projections.audit.CheckedHistory;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** One agreement's audit trail and its certificate, read straight from the event store. */
@RestController
@RequestMapping(path = "/api/agreements/{agreementId}",
        produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class AgreementAuditController {

    private final AuditTrail auditTrail;
    private final AgreementCertificates certificates;

    public AgreementAuditController(AuditTrail auditTrail, AgreementCertificates certificates) {
        this.auditTrail = auditTrail;
        this.certificates = certificates;
    }

    @GetMapping("/history")
    @Refuses(HttpStatus.NOT_FOUND)
    public AgreementHistory history(@PathVariable UUID agreementId) {
        CheckedHistory history = auditTrail.checkedHistoryOf(agreementId.toString());
        if (history.events().isEmpty()) {
            throw notFound(agreementId);
        }
        return new AgreementHistory(agreementId, history.events(), history.firstMismatch() == null,
                history.firstMismatch());
    }

    /**
     * The certificate; {@code consistentWith}, the size of a checkpoint the auditor kept, adds the
     * proof that the log's tree extends it.
     */
    @GetMapping("/certificate")
    @Refuses(HttpStatus.NOT_FOUND)
    public AgreementCertificate certificate(@PathVariable UUID agreementId,
                                            @RequestParam(required = false) Long consistentWith) {
        return certificates.certificateOf(agreementId.toString(), consistentWith)
                .orElseThrow(() -> notFound(agreementId));
    }

    /** Answered like a command on an unknown agreement: 404 agreement-not-found. */
    private static AggregateNotFoundException notFound(UUID agreementId) {
        return new AggregateNotFoundException(agreementId.toString(), "no agreement " + agreementId);
    }
}
