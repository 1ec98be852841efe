package org.agreementledger.api.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.ReadSideIntegrationTest;
import org.agreementledger.api.support.load.ExpectedTotals;
import org.agreementledger.api.support.load.GatewayChannel;
import org.agreementledger.api.support.load.HttpChannel;
import org.agreementledger.api.support.load.ModelAgreement;
import org.agreementledger.api.support.load.RandomLedgerLoad;
import org.agreementledger.ledger.domain.LedgerCalendar;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.ledger.domain.PartyAlreadySignedException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.agreementledger.api.support.ReadSide.reconcilesWithNothingLeftToProcess;
import static org.agreementledger.api.support.ReadSide.totals;
import static org.agreementledger.api.support.load.ExpectedTotals.CERTIFIED;
import static org.agreementledger.api.support.load.ExpectedTotals.PENDING;
import static org.agreementledger.api.support.load.ExpectedTotals.SIGNED;
import static org.agreementledger.api.support.load.ExpectedTotals.by;
import static org.agreementledger.api.support.load.ExpectedTotals.overall;
import static org.agreementledger.ledger.domain.CooperationKind.TECHNOLOGY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long random sequence of valid and invalid commands, from several threads at once, through the
 * command gateway and over HTTP, with concurrent signatures on the same agreements. Meanwhile the
 * reconciliation runs again and again and must never find a difference, behind or not; at the end,
 * with everything processed, neither must it, and the totals the test computes itself from what
 * the ledger accepted must be what the service answers.
 */
class ReconciliationUnderRandomLoadTest extends ReadSideIntegrationTest {

    private static final int THREADS = 4;
    private static final int STEPS_PER_THREAD = 500;
    private static final int RACED_AGREEMENTS = 12;


    @Test
    void theReadModelsAlwaysReconcileAndMatchTotalsComputedFromWhatTheLedgerAccepted() throws Exception {
        LocalDate today = LedgerCalendar.system().today();
        List<String> inconsistentReports = new CopyOnWriteArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
        List<ModelAgreement> agreements = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        try {
            Future<Integer> reconciliations = threads.submit(() -> reconcileWhile(loading, client, inconsistentReports));
            List<RandomLedgerLoad> loads = new ArrayList<>();
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                RandomLedgerLoad load = new RandomLedgerLoad(20240822L + thread, new GatewayChannel(commands),
                        new HttpChannel(client), occasion, today);
                loads.add(load);
                running.add(threads.submit(() -> load.run(STEPS_PER_THREAD)));
            }
            for (Future<?> load : running) {
                load.get();
            }
            agreements.addAll(raceSignatures());
            loading.set(false);
            assertThat(reconciliations.get()).as("reconciliations run during the load").isPositive();
            for (RandomLedgerLoad load : loads) {
                agreements.addAll(load.agreements());
                accepted += load.accepted();
                refused += load.refused();
            }
        } finally {
            loading.set(false);
            threads.shutdownNow();
        }
        assertThat(accepted).as("commands accepted").isGreaterThan(500);
        assertThat(refused).as("commands refused").isGreaterThan(200);
        assertThat(inconsistentReports).as("reconciliations that found a difference").isEmpty();

        reconcilesWithNothingLeftToProcess(client);

        String only = "&occasion=" + occasion;
        assertThat(totals(client, "stage=pending" + only).total()).isEqualTo(overall(agreements, PENDING));
        assertThat(totals(client, "stage=signed" + only).total()).isEqualTo(overall(agreements, SIGNED));
        assertThat(totals(client, "stage=certified" + only).total()).isEqualTo(overall(agreements, CERTIFIED));
        assertThat(totals(client, "stage=signed&by=city" + only).rowsKeyedBy("city", "country"))
                .isEqualTo(by(agreements, SIGNED, ExpectedTotals::cities));
        assertThat(totals(client, "stage=pending&by=country" + only).rowsKeyedBy("country"))
                .isEqualTo(by(agreements, PENDING, ExpectedTotals::countries));
        assertThat(totals(client, "stage=certified&by=year" + only).rowsKeyedBy("year"))
                .isEqualTo(by(agreements, CERTIFIED, agreement -> List.of("" + agreement.certifiedOn().getYear())));
        assertThat(totals(client, "stage=signed&by=sector,year" + only).rowsKeyedBy("sector", "year"))
                .isEqualTo(by(agreements, SIGNED,
                        agreement -> List.of(agreement.sector() + "|" + agreement.fullySignedOn().getYear())));
        JsonNode listing = client.get("registrar", "/api/agreements?size=1" + only).body();
        assertThat(listing.get("totalItems").asLong()).isEqualTo(agreements.size());
    }

    /** Runs the reconciliation until the load is over; every report must find no difference. */
    private static int reconcileWhile(AtomicBoolean loading, LedgerClient client, List<String> inconsistent)
            throws InterruptedException {
        int runs = 0;
        while (loading.get()) {
            LedgerClient.Answer report = client.get("admin", "/api/admin/reconciliation");
            if (report.status() != 200 || !report.body().get("consistent").asBoolean()) {
                inconsistent.add(report.text());
            }
            runs++;
            Thread.sleep(250);
        }
        return runs;
    }

    /**
     * Three parties sign each agreement at the same moment from three threads: the event store lets
     * one append at a time and refuses the others, which sign again until every party has signed.
     */
    private List<ModelAgreement> raceSignatures() throws Exception {
        List<Party> parties = RandomLedgerLoad.PARTIES.subList(0, 3);
        List<LocalDate> dates = List.of(LocalDate.of(2024, 3, 3), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1));
        List<ModelAgreement> raced = new ArrayList<>();
        ExecutorService signatories = Executors.newFixedThreadPool(parties.size());
        try {
            for (int i = 0; i < RACED_AGREEMENTS; i++) {
                Money value = Money.of(i + "1.50", i % 2 == 0 ? "CNY" : "USD");
                LocalDate proposedOn = LocalDate.of(2024, 3, 1);
                UUID id = commands.propose(occasion, "RENEWABLE_ENERGY", TECHNOLOGY, value, proposedOn,
                        parties.toArray(Party[]::new));
                ModelAgreement agreement = new ModelAgreement(id, null, parties, value, "RENEWABLE_ENERGY", TECHNOLOGY,
                        proposedOn);
                List<Future<?>> signing = new ArrayList<>();
                for (int p = 0; p < parties.size(); p++) {
                    Party party = parties.get(p);
                    LocalDate on = dates.get((p + i) % dates.size());
                    signing.add(signatories.submit(() -> signUntilAccepted(agreement, party, on)));
                }
                for (Future<?> signature : signing) {
                    signature.get();
                }
                raced.add(agreement);
            }
        } finally {
            signatories.shutdownNow();
        }
        return raced;
    }

    private void signUntilAccepted(ModelAgreement agreement, Party party, LocalDate on) {
        while (true) {
            try {
                commands.sign(agreement.id(), party, on);
                agreement.signed(party, on);
                return;
            } catch (ConcurrencyException anotherSignatureWentFirst) {
                Thread.onSpinWait();
            } catch (PartyAlreadySignedException signedMeanwhile) {
                throw new AssertionError("a refused signature must not have been written", signedMeanwhile);
            }
        }
    }
}
