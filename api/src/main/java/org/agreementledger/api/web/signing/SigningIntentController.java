package org.agreementledger.api.web.signing;

import org.agreementledger.api.openapi.Refuses;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.api.signing.CertifyingAuthority;
import org.agreementledger.api.signing.SigningIntents;
import org.agreementledger.ledger.domain.LedgerCalendar;
import org.agreementledger.ledger.signing.SigningAction;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The signing intent a signer's key is to sign (docs/signer-keys.md): a signatory asks for one for
 * its own party, to sign or decline, and the certifier for the certifying authority, to certify or
 * revoke a certification; with a business date (today by default) and its key, and gets the exact
 * bytes to sign. Each answer is a new intent with its own nonce, never cached.
 */
@RestController
@RequestMapping(path = "/api/agreements", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class SigningIntentController {

    private final SigningIntents intents;
    private final LedgerCalendar calendar;
    private final CertifyingAuthority authority;

    SigningIntentController(SigningIntents intents, LedgerCalendar calendar, CertifyingAuthority authority) {
        this.intents = intents;
        this.calendar = calendar;
        this.authority = authority;
    }

    @GetMapping("/{agreementId}/signing-intent")
    @Refuses({HttpStatus.NOT_FOUND})
    public ResponseEntity<Object> intent(@PathVariable UUID agreementId, @RequestParam String partyId,
                                         @RequestParam String action,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                         LocalDate date,
                                         @RequestParam String keyId, Authentication authentication) {
        boolean forTheAuthority = authority.id().equals(partyId);
        SigningAction signingAction = SigningAction.named(action)
                // a party's key signs and declines; the authority's certifies and revokes
                .filter(named -> forTheAuthority ? !named.isPartys() : named.isPartys())
                .orElseThrow(() -> new InvalidIntentParameterException("action", forTheAuthority
                        ? "the certifying authority's intent is to 'certify' or to 'revoke', not '" + action + "'"
                        : "a party's intent is to 'sign' or to 'decline', not '" + action + "'"));
        InvalidIntentParameterException.requireKeyId("keyId", keyId);
        authority.requireMayActFor(authentication, partyId);
        return intents.issue(agreementId, signingAction, partyId, date == null ? calendar.today() : date, keyId,
                        authentication.getName())
                .<ResponseEntity<Object>>map(intent -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .body(IssuedIntent.of(intent.bytes(), intent.digest())))
                .orElseGet(() -> Problems.response(Problems.of(ProblemCode.AGREEMENT_NOT_FOUND,
                        "No agreement has the id " + agreementId)));
    }
}
