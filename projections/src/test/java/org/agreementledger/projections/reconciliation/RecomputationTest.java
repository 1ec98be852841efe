package org.agreementledger.projections.reconciliation;

import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.event.CertificationRevoked;
import org.agreementledger.projections.totals.BucketKey;
import org.agreementledger.projections.totals.Grain;
import org.agreementledger.projections.totals.Stage;
import org.agreementledger.projections.totals.Tally;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reconciliation's recomputation of the read models from events, in memory: statuses as
 * {@code LifecycleStatus} says, totals as the stage rules say (the agreement grain shown here).
 */
class RecomputationTest {

    private static final Party XJU = new Party("CN-URUMQI-XJU", "XJU", OrganisationType.UNIVERSITY, "Urumqi", "CN");
    private static final Party KBTU = new Party("KZ-ALMATY-KBTU", "KBTU", OrganisationType.UNIVERSITY, "Almaty", "KZ");
    private static final LocalDate PROPOSED = LocalDate.of(2024, 8, 20);

    private final Recomputation recomputation = new Recomputation();

    private UUID propose(String amount) {
        UUID id = UUID.randomUUID();
        recomputation.apply(new AgreementProposed(id, "Agreement", CooperationKind.TECHNOLOGY, "SMART_TECHNOLOGY",
                List.of(XJU, KBTU), Money.of(amount, "CNY"), null, PROPOSED, "registrar"));
        return id;
    }

    private void signByBoth(UUID id, LocalDate on) {
        recomputation.apply(new AgreementSigned(id, XJU.partyId(), on));
        recomputation.apply(new AgreementSigned(id, KBTU.partyId(), on));
        recomputation.apply(new AgreementFullySigned(id, on));
    }

    /** The agreement grain's tallies by (stage, year). */
    private Map<String, Tally> agreementGrain() {
        return recomputation.totals().nonZero().entrySet().stream()
                .filter(bucket -> bucket.getKey().grain() == Grain.AGREEMENT)
                .collect(Collectors.toMap(bucket -> key(bucket.getKey()), Map.Entry::getValue));
    }

    private static String key(BucketKey bucket) {
        return bucket.stage() + " " + bucket.year();
    }

    @Test
    void aWholeLifecycleIsRecomputedStageByStage() {
        UUID revoked = propose("100.00");
        signByBoth(revoked, LocalDate.of(2025, 1, 10));
        recomputation.apply(new AgreementCertified(revoked, "XJ-1", LocalDate.of(2025, 3, 1)));
        recomputation.apply(new CertificationRevoked(revoked, "XJ-1", LocalDate.of(2026, 2, 1), "error"));
        UUID pending = propose("7.00");
        UUID declined = propose("3.00");
        recomputation.apply(new AgreementDeclined(declined, KBTU.partyId(), PROPOSED, null));

        assertThat(recomputation.finish(revoked)).contains(AgreementStatus.REVOKED);
        assertThat(recomputation.finish(pending)).contains(AgreementStatus.PROPOSED);
        assertThat(recomputation.finish(declined)).contains(AgreementStatus.DECLINED);
        assertThat(recomputation.finish(declined)).as("forgotten once finished").isEmpty();
        assertThat(agreementGrain()).containsOnly(
                Map.entry(Stage.PENDING + " 2024", new Tally(1, new BigDecimal("7.00"))),
                Map.entry(Stage.SIGNED + " 2025", new Tally(1, new BigDecimal("100.00"))));
    }

    @Test
    void aCertifiedAgreementCountsInTheYearOfCertification() {
        UUID id = propose("50.00");
        signByBoth(id, LocalDate.of(2024, 8, 22));
        recomputation.apply(new AgreementCertified(id, "XJ-2", LocalDate.of(2025, 1, 5)));

        assertThat(recomputation.finish(id)).contains(AgreementStatus.CERTIFIED);
        assertThat(agreementGrain()).containsOnly(
                Map.entry(Stage.SIGNED + " 2024", new Tally(1, new BigDecimal("50.00"))),
                Map.entry(Stage.CERTIFIED + " 2025", new Tally(1, new BigDecimal("50.00"))));
    }

    @Test
    void anEventOfAnAgreementNeverProposedIsRefused() {
        assertThatThrownBy(() -> recomputation.apply(new AgreementSigned(UUID.randomUUID(), XJU.partyId(), PROPOSED)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never proposed");
    }
}
