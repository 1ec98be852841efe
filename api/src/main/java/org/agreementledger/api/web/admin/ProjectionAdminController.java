package org.agreementledger.api.web.admin;

import org.agreementledger.api.openapi.Refuses;
import org.agreementledger.projections.eventstore.LedgerHorizon;
import org.agreementledger.projections.rebuild.ReadModelRebuild;
import org.agreementledger.projections.reconciliation.Reconciliation;
import org.agreementledger.projections.reconciliation.ReconciliationReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read models' upkeep, for administrators: their processors' state, a rebuild from the events,
 * and a reconciliation of the totals with a recomputation from the event store.
 */
@RestController
@RequestMapping(path = "/api/admin", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class ProjectionAdminController {

    private final ReadModelRebuild rebuild;
    private final Reconciliation reconciliation;
    private final LedgerHorizon horizon;

    public ProjectionAdminController(ReadModelRebuild rebuild, Reconciliation reconciliation, LedgerHorizon horizon) {
        this.rebuild = rebuild;
        this.reconciliation = reconciliation;
        this.horizon = horizon;
    }

    @GetMapping("/projections")
    public ProjectionStates projections() {
        return new ProjectionStates(rebuild.states(), rebuild.state(), horizon.stablePosition());
    }

    /**
     * Rebuilds the read models from the events aside and swaps them in once they reconcile; 202: the
     * rebuild goes on in the background, and its progress shows here and at GET /projections.
     */
    @PostMapping(path = "/projections/rebuild", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Refuses(HttpStatus.CONFLICT)
    public ProjectionStates rebuild() {
        rebuild.start();
        return projections();
    }

    /** Always 200; {@code consistent} says whether a difference was found. */
    @GetMapping("/reconciliation")
    public ReconciliationReport reconciliation() {
        return reconciliation.run();
    }
}
