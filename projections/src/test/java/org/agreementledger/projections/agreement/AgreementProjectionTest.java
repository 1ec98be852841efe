package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.agreementledger.ledger.event.CertificationRevoked;
import org.agreementledger.projections.support.ReadModelDatabase;
import org.agreementledger.projections.totals.Dimension;
import org.agreementledger.projections.totals.Stage;
import org.agreementledger.projections.totals.Totals;
import org.agreementledger.projections.totals.TotalsFilter;
import org.agreementledger.projections.totals.TotalsQuery;
import org.agreementledger.projections.totals.TotalsReader;
import org.agreementledger.projections.totals.TotalsRow;
import org.agreementledger.projections.totals.TotalsWriter;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The projection fed events as the event processor feeds them (a batch in one unit of work), then
 * the read models asked through their readers, without HTTP: each stage rule of the totals and the
 * by-city rule.
 */
class AgreementProjectionTest {

    private static final TotalsFilter NO_FILTER = new TotalsFilter(null, null, null, null, null, null);
    private static final AgreementFilter ALL_AGREEMENTS = new AgreementFilter(null, null, null, null, null, null, null, null, null, null);

    private static final Party URUMQI_UNIVERSITY = party("CN-URUMQI-XJU", "Urumqi", "CN");
    private static final Party URUMQI_INSTITUTE = party("CN-URUMQI-INST", "Urumqi", "CN");
    private static final Party WUHAN_COMPANY = party("CN-WUHAN-CO", "Wuhan", "CN");
    private static final Party ALMATY_UNIVERSITY = party("KZ-ALMATY-KBTU", "Almaty", "KZ");
    private static final Party TASHKENT_INSTITUTE = party("UZ-TASHKENT-INST", "Tashkent", "UZ");
    /** A city with a Kazakh city's name, in another country: a city is known with its country. */
    private static final Party ALMATY_ELSEWHERE = party("KG-ALMATY", "Almaty", "KG");

    private static final LocalDate PROPOSED_2024 = LocalDate.of(2024, 8, 20);
    private static final LocalDate SIGNED_2024 = LocalDate.of(2024, 8, 22);
    private static final LocalDate SIGNED_2025 = LocalDate.of(2025, 1, 10);
    private static final LocalDate CERTIFIED_2025 = LocalDate.of(2025, 3, 1);
    private static final LocalDate REVOKED_2026 = LocalDate.of(2026, 2, 1);

    private final Map<UUID, Long> nextSequence = new HashMap<>();
    private AnnotationEventHandlerAdapter projection;
    private TotalsReader totals;
    private AgreementQueries agreements;

    @BeforeEach
    void emptyReadModels() {
        JdbcTemplate jdbc = ReadModelDatabase.emptyReadModels();
        projection = new AnnotationEventHandlerAdapter(
                new AgreementProjection(new AgreementRows(jdbc), new TotalsWriter(jdbc)));
        totals = new TotalsReader(jdbc);
        agreements = new AgreementQueries(jdbc);
    }

    @Test
    void aProposalIsPendingInTheYearOfTheProposalAndNothingElse() {
        UUID id = propose(PROPOSED_2024, "1000.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);

        assertThat(total(Stage.PENDING)).isEqualTo(new Counted(1, "1000.00"));
        assertThat(byYear(Stage.PENDING)).containsExactly(new YearCount(2024, 1));
        assertThat(total(Stage.SIGNED)).isEqualTo(Counted.NONE);
        assertThat(total(Stage.CERTIFIED)).isEqualTo(Counted.NONE);
        assertThat(status(id)).isEqualTo(AgreementStatus.PROPOSED);
    }

    @Test
    void anAnswerIsKeptWhileTheTotalsStayAsTheyWereAndEveryChangeToThemIsSeenAtOnce() {
        UUID id = propose(PROPOSED_2024, "1000.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        assertThat(total(Stage.PENDING)).isEqualTo(new Counted(1, "1000.00"));

        // a change no writer of the totals made, so their version did not move
        new JdbcTemplate(ReadModelDatabase.dataSource()).update(
                "UPDATE totals_bucket SET agreement_count = agreement_count + 5 WHERE stage = 'PENDING'");
        assertThat(total(Stage.PENDING)).as("the answer kept").isEqualTo(new Counted(1, "1000.00"));

        feed(new AgreementWithdrawn(id, SIGNED_2024, null));
        assertThat(total(Stage.PENDING)).as("summed afresh: the five rows added by hand, the withdrawal taken off")
                .isEqualTo(new Counted(5, "0.00"));
    }

    @Test
    void oneSignatureOfTwoMovesNoStage() {
        UUID id = propose(PROPOSED_2024, "1000.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        feed(new AgreementSigned(id, URUMQI_UNIVERSITY.partyId(), SIGNED_2024));

        assertThat(total(Stage.PENDING)).isEqualTo(new Counted(1, "1000.00"));
        assertThat(total(Stage.SIGNED)).isEqualTo(Counted.NONE);
        assertThat(status(id)).isEqualTo(AgreementStatus.PROPOSED);
        assertThat(agreements.find(id).orElseThrow().parties())
                .extracting(PartyView::partyId, PartyView::signedOn)
                .containsExactly(tuple(URUMQI_UNIVERSITY.partyId(), SIGNED_2024),
                        tuple(ALMATY_UNIVERSITY.partyId(), null));
    }

    @Test
    void theLastSignatureLeavesPendingInTheProposalYearAndCountsSignedInItsOwnYear() {
        UUID id = propose(PROPOSED_2024, "1000.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        feed(new AgreementSigned(id, URUMQI_UNIVERSITY.partyId(), SIGNED_2024),
                new AgreementSigned(id, ALMATY_UNIVERSITY.partyId(), SIGNED_2025),
                new AgreementFullySigned(id, SIGNED_2025));

        assertThat(total(Stage.PENDING)).isEqualTo(Counted.NONE);
        assertThat(byYear(Stage.SIGNED)).containsExactly(new YearCount(2025, 1));
        assertThat(total(Stage.SIGNED)).isEqualTo(new Counted(1, "1000.00"));
        assertThat(status(id)).isEqualTo(AgreementStatus.SIGNED);
        assertThat(agreements.find(id).orElseThrow().fullySignedOn()).isEqualTo(SIGNED_2025);
    }

    @Test
    void aDeclineLeavesPendingAndIsNeverSigned() {
        UUID id = propose(PROPOSED_2024, "1000.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        feed(new AgreementDeclined(id, ALMATY_UNIVERSITY.partyId(), SIGNED_2024, "budget"));

        assertThat(total(Stage.PENDING)).isEqualTo(Counted.NONE);
        assertThat(total(Stage.SIGNED)).isEqualTo(Counted.NONE);
        assertThat(status(id)).isEqualTo(AgreementStatus.DECLINED);
        assertThat(agreements.find(id).orElseThrow().declined())
                .isEqualTo(new DeclineView(ALMATY_UNIVERSITY.partyId(), SIGNED_2024, "budget"));
    }

    @Test
    void aWithdrawalLeavesPending() {
        UUID id = propose(PROPOSED_2024, "1000.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        feed(new AgreementWithdrawn(id, SIGNED_2024, null));

        assertThat(total(Stage.PENDING)).isEqualTo(Counted.NONE);
        assertThat(status(id)).isEqualTo(AgreementStatus.WITHDRAWN);
        assertThat(agreements.find(id).orElseThrow().withdrawal()).isEqualTo(new WithdrawalView(SIGNED_2024, null));
    }

    @Test
    void aCertifiedAgreementStaysSignedAndCountsCertifiedInTheYearOfCertification() {
        UUID id = fullySigned(PROPOSED_2024, SIGNED_2024, "1000.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        feed(new AgreementCertified(id, "XJ-1", CERTIFIED_2025));

        assertThat(byYear(Stage.SIGNED)).containsExactly(new YearCount(2024, 1));
        assertThat(byYear(Stage.CERTIFIED)).containsExactly(new YearCount(2025, 1));
        assertThat(status(id)).isEqualTo(AgreementStatus.CERTIFIED);
    }

    @Test
    void aRevocationLeavesCertifiedInTheYearOfCertificationAndStaysSigned() {
        UUID id = fullySigned(PROPOSED_2024, SIGNED_2024, "1000.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        UUID stillCertified = fullySigned(PROPOSED_2024, SIGNED_2024, "5.00", URUMQI_UNIVERSITY, WUHAN_COMPANY);
        feed(new AgreementCertified(id, "XJ-1", CERTIFIED_2025),
                new AgreementCertified(stillCertified, "XJ-2", CERTIFIED_2025));
        feed(new CertificationRevoked(id, "XJ-1", REVOKED_2026, "fraud"));

        assertThat(byYear(Stage.CERTIFIED)).containsExactly(new YearCount(2025, 1));
        assertThat(total(Stage.CERTIFIED)).isEqualTo(new Counted(1, "5.00"));
        assertThat(byYear(Stage.SIGNED)).containsExactly(new YearCount(2024, 2));
        assertThat(status(id)).isEqualTo(AgreementStatus.REVOKED);
        assertThat(agreements.find(id).orElseThrow().certification())
                .isEqualTo(new CertificationView("XJ-1", CERTIFIED_2025, REVOKED_2026, "fraud"));
    }

    @Test
    void byCityAnAgreementCountsOnceInEachDistinctCityAndOnceInTheTotal() {
        fullySigned(PROPOSED_2024, SIGNED_2024, "100.00", URUMQI_UNIVERSITY, URUMQI_INSTITUTE, ALMATY_UNIVERSITY);
        fullySigned(PROPOSED_2024, SIGNED_2024, "10.00", URUMQI_UNIVERSITY, WUHAN_COMPANY);

        Totals byCity = totals.read(new TotalsQuery(Stage.SIGNED, List.of(Dimension.CITY), NO_FILTER));

        assertThat(places(byCity)).containsExactly(
                new PlaceCount("Almaty", "KZ", 1, "100.00"),
                new PlaceCount("Urumqi", "CN", 2, "110.00"),
                new PlaceCount("Wuhan", "CN", 1, "10.00"));
        assertThat(Counted.of(byCity.total())).isEqualTo(new Counted(2, "110.00"));
    }

    @Test
    void byCountryAnAgreementCountsOnceInEachDistinctCountry() {
        fullySigned(PROPOSED_2024, SIGNED_2024, "100.00", URUMQI_UNIVERSITY, WUHAN_COMPANY, ALMATY_UNIVERSITY);

        Totals byCountry = totals.read(new TotalsQuery(Stage.SIGNED, List.of(Dimension.COUNTRY), NO_FILTER));

        assertThat(byCountry.rows()).extracting(row -> row.dimensions().get("country"), TotalsRow::count)
                .containsExactly(tuple("CN", 1L), tuple("KZ", 1L));
        assertThat(byCountry.total().count()).isEqualTo(1);
    }

    @Test
    void aCityIsKnownWithItsCountry() {
        fullySigned(PROPOSED_2024, SIGNED_2024, "100.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        fullySigned(PROPOSED_2024, SIGNED_2024, "7.00", TASHKENT_INSTITUTE, ALMATY_ELSEWHERE);

        Totals inKazakhAlmaty = totals.read(new TotalsQuery(Stage.SIGNED, List.of(Dimension.CITY),
                new TotalsFilter("Almaty", "KZ", null, null, null, null)));
        Totals byCity = totals.read(new TotalsQuery(Stage.SIGNED, List.of(Dimension.CITY), NO_FILTER));

        assertThat(places(inKazakhAlmaty)).containsExactly(new PlaceCount("Almaty", "KZ", 1, "100.00"));
        assertThat(places(byCity)).extracting(PlaceCount::city, PlaceCount::country)
                .contains(tuple("Almaty", "KZ"), tuple("Almaty", "KG"));
    }

    @Test
    void amountsInDifferentCurrenciesAreKeptApart() {
        fullySigned(PROPOSED_2024, SIGNED_2024, "100.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        UUID inTenge = propose(PROPOSED_2024, Money.of("2500.50", "KZT"), URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        feed(new AgreementSigned(inTenge, URUMQI_UNIVERSITY.partyId(), SIGNED_2024),
                new AgreementSigned(inTenge, ALMATY_UNIVERSITY.partyId(), SIGNED_2024),
                new AgreementFullySigned(inTenge, SIGNED_2024));

        TotalsRow total = totals.read(new TotalsQuery(Stage.SIGNED, List.of(), NO_FILTER)).total();

        assertThat(total.count()).isEqualTo(2);
        assertThat(total.amounts()).containsExactly(Money.of("100.00", "CNY"), Money.of("2500.50", "KZT"));
    }

    @Test
    void anEventDeliveredAgainIsCountedOnce() {
        UUID id = propose(PROPOSED_2024, "1000.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        List<DomainEventMessage<?>> signing = messages(
                new AgreementSigned(id, URUMQI_UNIVERSITY.partyId(), SIGNED_2024),
                new AgreementSigned(id, ALMATY_UNIVERSITY.partyId(), SIGNED_2024),
                new AgreementFullySigned(id, SIGNED_2024));
        handleInOneBatch(signing);
        handleInOneBatch(signing);
        handleInOneBatch(List.of(message(0, new AgreementProposed(id, "again", CooperationKind.TECHNOLOGY,
                "SMART_TECHNOLOGY", List.of(URUMQI_UNIVERSITY, ALMATY_UNIVERSITY), Money.of("1000.00", "CNY"), null,
                PROPOSED_2024, "registrar"))));

        assertThat(total(Stage.SIGNED)).isEqualTo(new Counted(1, "1000.00"));
        assertThat(total(Stage.PENDING)).isEqualTo(Counted.NONE);
        assertThat(agreements.find(id).orElseThrow().title()).isEqualTo("Agreement 1000.00");
    }

    @Test
    void wholeLifecyclesOfSeveralAgreementsInOneBatchAreFoldedInOrder() {
        UUID certified = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        handleInOneBatch(messages(
                proposal(certified, "10.00", URUMQI_UNIVERSITY, WUHAN_COMPANY),
                proposal(declined, "20.00", URUMQI_INSTITUTE, TASHKENT_INSTITUTE),
                new AgreementSigned(certified, URUMQI_UNIVERSITY.partyId(), SIGNED_2024),
                new AgreementDeclined(declined, TASHKENT_INSTITUTE.partyId(), SIGNED_2024, "no budget"),
                new AgreementSigned(certified, WUHAN_COMPANY.partyId(), SIGNED_2025),
                new AgreementFullySigned(certified, SIGNED_2025),
                new AgreementCertified(certified, "CERT-1", CERTIFIED_2025)));

        assertThat(status(certified)).isEqualTo(AgreementStatus.CERTIFIED);
        assertThat(status(declined)).isEqualTo(AgreementStatus.DECLINED);
        assertThat(agreements.find(certified).orElseThrow().parties()).extracting(PartyView::signedOn)
                .containsExactly(SIGNED_2024, SIGNED_2025);
        assertThat(total(Stage.PENDING)).isEqualTo(Counted.NONE);
        assertThat(byYear(Stage.SIGNED)).containsExactly(new YearCount(2025, 1));
        assertThat(total(Stage.CERTIFIED)).isEqualTo(new Counted(1, "10.00"));
    }

    @Test
    void anEventOfAnAgreementNeverProposedFailsItsBatchAndLeavesNothing() {
        UUID proposed = UUID.randomUUID();
        List<DomainEventMessage<?>> batch = messages(proposal(proposed, "10.00", URUMQI_UNIVERSITY, WUHAN_COMPANY),
                new AgreementSigned(UUID.randomUUID(), URUMQI_UNIVERSITY.partyId(), SIGNED_2024));

        assertThatThrownBy(() -> handleInOneBatch(batch)).hasMessageContaining("never proposed");
        assertThat(agreements.find(proposed)).isEmpty();
        assertThat(total(Stage.PENDING)).isEqualTo(Counted.NONE);
    }

    @Test
    void agreementsAreListedByPlaceAndStatus() {
        UUID signedInAlmaty = fullySigned(PROPOSED_2024, SIGNED_2024, "1.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        propose(PROPOSED_2024, "2.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        fullySigned(PROPOSED_2024, SIGNED_2024, "3.00", URUMQI_UNIVERSITY, WUHAN_COMPANY);

        AgreementPage page = agreements.list(new AgreementFilter("Almaty", "KZ", null, null, null,
                AgreementStatus.SIGNED, null, null, null, null), 0, 10);

        assertThat(page.items()).extracting(AgreementView::agreementId).containsExactly(signedInAlmaty);
        assertThat(page.totalItems()).isEqualTo(1);
        assertThat(agreements.list(ALL_AGREEMENTS, 0, 10).totalItems()).isEqualTo(3);
    }

    @Test
    void aPartysAgreementsAndThoseAwaitingItsSignatureAreListed() {
        UUID signedByBoth = fullySigned(PROPOSED_2024, SIGNED_2024, "1.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        UUID awaitingBoth = propose(PROPOSED_2024, "2.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        UUID signedByAlmatyOnly = propose(PROPOSED_2024, "3.00", URUMQI_UNIVERSITY, ALMATY_UNIVERSITY);
        feed(new AgreementSigned(signedByAlmatyOnly, ALMATY_UNIVERSITY.partyId(), SIGNED_2024));
        UUID withdrawn = propose(PROPOSED_2024, "4.00", ALMATY_UNIVERSITY, WUHAN_COMPANY);
        feed(new AgreementWithdrawn(withdrawn, SIGNED_2024, null));
        propose(PROPOSED_2024, "5.00", URUMQI_UNIVERSITY, WUHAN_COMPANY);

        assertThat(listed(new AgreementFilter(null, null, null, null, null, null, null, ALMATY_UNIVERSITY.partyId(), null, null)))
                .containsExactlyInAnyOrder(signedByBoth, awaitingBoth, signedByAlmatyOnly, withdrawn);
        assertThat(listed(new AgreementFilter(null, null, null, null, null, null, null, null, ALMATY_UNIVERSITY.partyId(), null)))
                .containsExactly(awaitingBoth);
        assertThat(listed(new AgreementFilter(null, null, null, null, null, null, null, null, URUMQI_UNIVERSITY.partyId(), null)))
                .hasSize(3).contains(awaitingBoth, signedByAlmatyOnly).doesNotContain(signedByBoth);
    }

    @Test
    void agreementsAreFoundByWordsOfTheirTitleOrOfAPartysNameInAnyCase() {
        UUID byTitle = propose(PROPOSED_2024, "6.00", URUMQI_UNIVERSITY, WUHAN_COMPANY);
        UUID byParty = propose(PROPOSED_2024, "7.00", URUMQI_INSTITUTE, TASHKENT_INSTITUTE);
        UUID third = propose(PROPOSED_2024, "8.00", URUMQI_INSTITUTE, ALMATY_UNIVERSITY);

        assertThat(listed(searching("AGREEMENT 6.0"))).containsExactly(byTitle);
        assertThat(listed(searching(TASHKENT_INSTITUTE.name().toLowerCase().substring(2)))).containsExactly(byParty);
        // the words are text: % and _ match only themselves
        assertThat(listed(searching("%"))).isEmpty();
        assertThat(listed(searching("Agreement _.00"))).isEmpty();
        assertThat(listed(searching("8.00"))).containsExactly(third);
    }

    private static AgreementFilter searching(String words) {
        return new AgreementFilter(null, null, null, null, null, null, null, null, null, words);
    }

    private List<UUID> listed(AgreementFilter filter) {
        return agreements.list(filter, 0, 50).items().stream().map(AgreementView::agreementId).toList();
    }

    private UUID propose(LocalDate proposedOn, String amount, Party... parties) {
        return propose(proposedOn, Money.of(amount, "CNY"), parties);
    }

    private UUID propose(LocalDate proposedOn, Money value, Party... parties) {
        UUID id = UUID.randomUUID();
        feed(new AgreementProposed(id, "Agreement " + value.amount(), CooperationKind.TECHNOLOGY, "SMART_TECHNOLOGY",
                List.of(parties), value, null, proposedOn, "registrar"));
        return id;
    }

    private static AgreementProposed proposal(UUID id, String amount, Party... parties) {
        return new AgreementProposed(id, "Agreement " + amount, CooperationKind.TECHNOLOGY, "SMART_TECHNOLOGY",
                List.of(parties), Money.of(amount, "CNY"), null, PROPOSED_2024, "registrar");
    }

    private UUID fullySigned(LocalDate proposedOn, LocalDate signedOn, String amount, Party... parties) {
        UUID id = propose(proposedOn, amount, parties);
        List<AgreementEvent> signatures = new ArrayList<>();
        for (Party party : parties) {
            signatures.add(new AgreementSigned(id, party.partyId(), signedOn));
        }
        signatures.add(new AgreementFullySigned(id, signedOn));
        feed(signatures.toArray(AgreementEvent[]::new));
        return id;
    }

    /** One batch of events, each with the next sequence number of its agreement. */
    private void feed(AgreementEvent... events) {
        handleInOneBatch(messages(events));
    }

    private List<DomainEventMessage<?>> messages(AgreementEvent... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (AgreementEvent event : events) {
            messages.add(message(nextSequence.merge(event.agreementId(), 1L, Long::sum) - 1, event));
        }
        return messages;
    }

    private static DomainEventMessage<?> message(long sequenceNumber, AgreementEvent event) {
        return new GenericDomainEventMessage<>("Agreement", event.agreementId().toString(), sequenceNumber, event);
    }

    private void handleInOneBatch(List<DomainEventMessage<?>> messages) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (DomainEventMessage<?> message : messages) {
                try {
                    projection.handle(message);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private Counted total(Stage stage) {
        return Counted.of(totals.read(new TotalsQuery(stage, List.of(), NO_FILTER)).total());
    }

    private List<YearCount> byYear(Stage stage) {
        return totals.read(new TotalsQuery(stage, List.of(Dimension.YEAR), NO_FILTER)).rows().stream()
                .map(row -> new YearCount((Integer) row.dimensions().get("year"), row.count()))
                .toList();
    }

    private static List<PlaceCount> places(Totals totals) {
        return totals.rows().stream()
                .map(row -> new PlaceCount((String) row.dimensions().get("city"),
                        (String) row.dimensions().get("country"), row.count(), Counted.of(row).amount()))
                .toList();
    }

    private AgreementStatus status(UUID id) {
        return agreements.find(id).orElseThrow().status();
    }

    private static Party party(String partyId, String city, String country) {
        return new Party(partyId, "Organisation " + partyId, OrganisationType.UNIVERSITY, city, country);
    }

    /** A count and its amount in CNY. */
    private record Counted(long count, String amount) {

        static final Counted NONE = new Counted(0, null);

        static Counted of(TotalsRow row) {
            return new Counted(row.count(), row.amounts().stream()
                    .filter(money -> money.currency().equals("CNY")).findFirst()
                    .map(money -> money.amount().toPlainString()).orElse(null));
        }
    }

    private record YearCount(int year, long count) {
    }

    private record PlaceCount(String city, String country, long count, String amount) {
    }
}
