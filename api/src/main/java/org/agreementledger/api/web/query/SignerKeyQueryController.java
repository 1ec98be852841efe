package org.agreementledger.api.web.query;

import org.agreementledger.api.signing.SignerKeyView;
import org.agreementledger.api.signing.SignerKeys;
import org.agreementledger.api.web.audit.FeedParameters;
import org.agreementledger.projections.audit.AuditTrail;
import org.agreementledger.projections.audit.LedgerPage;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Every key ever registered in a party's name, with its status and the log positions of its events,
 * and the feed of their events, for anyone signed in: a party watches for keys it did not register.
 */
@RestController
@RequestMapping(path = "/api/parties/{partyId}/signer-keys", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class SignerKeyQueryController {

    private final SignerKeys signerKeys;
    private final AuditTrail auditTrail;

    SignerKeyQueryController(SignerKeys signerKeys, AuditTrail auditTrail) {
        this.signerKeys = signerKeys;
        this.auditTrail = auditTrail;
    }

    @GetMapping
    public List<SignerKeyView> keys(@PathVariable String partyId) {
        return signerKeys.ofParty(partyId);
    }

    /**
     * The feed of the party's keys: their registrations, approvals and revocations after the
     * position {@code after}, as the audit trail shows events; follow {@code next}.
     */
    @GetMapping("/events")
    public LedgerPage events(@PathVariable String partyId, @RequestParam(defaultValue = "0") long after,
                             @RequestParam(defaultValue = "" + FeedParameters.DEFAULT_LIMIT) int limit) {
        return auditTrail.signerKeyEventsOf(partyId, FeedParameters.position("after", after),
                FeedParameters.limit(limit));
    }
}
