package org.agreementledger.projections.totals;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import static org.agreementledger.projections.totals.StageChange.enters;
import static org.agreementledger.projections.totals.StageChange.leaves;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BucketTallyTest {

    private static TotalsFacts factsOf(String amount, String currency, Party... parties) {
        return new TotalsFacts("NEW_MATERIALS", CooperationKind.INDUSTRY, "Conference", Money.of(amount, currency),
                TotalsFacts.placesOf(List.of(parties)), LocalDate.of(2024, 8, 20), null);
    }

    private static Party party(String id, String city, String country) {
        return new Party(id, id, OrganisationType.ENTERPRISE, city, country);
    }

    @Test
    void anAgreementCountsOnceOverallOncePerCountryAndOncePerDistinctCity() {
        TotalsFacts facts = factsOf("100.00", "CNY", party("A", "Urumqi", "CN"), party("B", "Urumqi", "CN"),
                party("C", "Wuhan", "CN"), party("D", "Almaty", "KZ"));
        BucketTally tally = new BucketTally();

        tally.count(List.of(enters(Stage.SIGNED, 2024)), facts);

        SortedMap<BucketKey, Tally> buckets = tally.nonZero();
        assertThat(buckets.keySet()).extracting(BucketKey::grain, BucketKey::country, BucketKey::city)
                .containsExactlyInAnyOrder(
                        tuple(Grain.AGREEMENT, "", ""),
                        tuple(Grain.COUNTRY, "CN", ""),
                        tuple(Grain.COUNTRY, "KZ", ""),
                        tuple(Grain.CITY, "CN", "Urumqi"),
                        tuple(Grain.CITY, "CN", "Wuhan"),
                        tuple(Grain.CITY, "KZ", "Almaty"));
        assertThat(buckets.values()).allSatisfy(tallied ->
                assertThat(tallied).isEqualTo(new Tally(1, new BigDecimal("100.00"))));
    }

    @Test
    void currenciesAreKeptApartAndAmountsAreSummedExactly() {
        BucketTally tally = new BucketTally();
        Party urumqi = party("A", "Urumqi", "CN");
        Party almaty = party("B", "Almaty", "KZ");

        tally.count(List.of(enters(Stage.SIGNED, 2024)), factsOf("0.10", "CNY", urumqi, almaty));
        tally.count(List.of(enters(Stage.SIGNED, 2024)), factsOf("0.20", "CNY", urumqi, almaty));
        tally.count(List.of(enters(Stage.SIGNED, 2024)), factsOf("5.00", "USD", urumqi, almaty));

        assertThat(tally.nonZero().entrySet()).filteredOn(entry -> entry.getKey().grain() == Grain.AGREEMENT)
                .extracting(entry -> entry.getKey().currency() + " " + entry.getValue().count() + " "
                        + entry.getValue().amount().toPlainString())
                .containsExactly("CNY 2 0.30", "USD 1 5.00");
    }

    @Test
    void changesThatCancelOutLeaveNothingToWrite() {
        BucketTally tally = new BucketTally();
        TotalsFacts facts = factsOf("7.00", "CNY", party("A", "Urumqi", "CN"), party("B", "Almaty", "KZ"));

        tally.count(List.of(enters(Stage.PENDING, 2024)), facts);
        tally.count(List.of(leaves(Stage.PENDING, 2024), enters(Stage.SIGNED, 2024)), facts);

        assertThat(tally.nonZero().keySet()).extracting(BucketKey::stage).containsOnly(Stage.SIGNED);
    }

    @Test
    void bucketsComeInOneLockOrderWhateverTheOrderTheyWereCountedIn() {
        BucketTally first = new BucketTally();
        BucketTally second = new BucketTally();
        TotalsFacts wuhan = factsOf("1.00", "CNY", party("A", "Wuhan", "CN"), party("B", "Almaty", "KZ"));
        TotalsFacts urumqi = factsOf("2.00", "EUR", party("C", "Urumqi", "CN"), party("D", "Tashkent", "UZ"));

        first.count(List.of(enters(Stage.SIGNED, 2024)), wuhan);
        first.count(List.of(enters(Stage.CERTIFIED, 2025)), urumqi);
        second.count(List.of(enters(Stage.CERTIFIED, 2025)), urumqi);
        second.count(List.of(enters(Stage.SIGNED, 2024)), wuhan);

        assertThat(List.copyOf(first.nonZero().keySet())).isEqualTo(List.copyOf(second.nonZero().keySet()))
                .isSorted();
    }

    @Test
    void theLockOrderGoesFieldByFieldEachDecidingOnlyWhereThoseBeforeItAreEqual() {
        BucketKey first = new BucketKey(Grain.AGREEMENT, Stage.PENDING, 2024, "b", "b", "b", "b", "b", "b");
        List<BucketKey> eachLaterByOneField = List.of(
                new BucketKey(Grain.COUNTRY, Stage.PENDING, 2024, "a", "a", "a", "a", "a", "a"),
                new BucketKey(Grain.AGREEMENT, Stage.SIGNED, 2015, "a", "a", "a", "a", "a", "a"),
                new BucketKey(Grain.AGREEMENT, Stage.PENDING, 2025, "a", "a", "a", "a", "a", "a"),
                new BucketKey(Grain.AGREEMENT, Stage.PENDING, 2024, "c", "a", "a", "a", "a", "a"),
                new BucketKey(Grain.AGREEMENT, Stage.PENDING, 2024, "b", "c", "a", "a", "a", "a"),
                new BucketKey(Grain.AGREEMENT, Stage.PENDING, 2024, "b", "b", "c", "a", "a", "a"),
                new BucketKey(Grain.AGREEMENT, Stage.PENDING, 2024, "b", "b", "b", "c", "a", "a"),
                new BucketKey(Grain.AGREEMENT, Stage.PENDING, 2024, "b", "b", "b", "b", "c", "a"),
                new BucketKey(Grain.AGREEMENT, Stage.PENDING, 2024, "b", "b", "b", "b", "b", "c"));

        assertThat(eachLaterByOneField).allSatisfy(later -> {
            assertThat(first.compareTo(later)).isNegative();
            assertThat(later.compareTo(first)).isPositive();
        });
        assertThat(first.compareTo(new BucketKey(Grain.AGREEMENT, Stage.PENDING, 2024, "b", "b", "b", "b", "b", "b")))
                .isZero();
    }
}
