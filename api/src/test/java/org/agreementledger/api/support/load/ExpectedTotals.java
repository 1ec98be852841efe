package org.agreementledger.api.support.load;

import org.agreementledger.api.support.TotalsAnswer.Bucket;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.Party;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Totals computed by the test from its own model of what the ledger accepted, following the
 * brief's definition directly, to compare with what the service answers.
 */
public final class ExpectedTotals {

    public static final Predicate<ModelAgreement> PENDING = agreement -> agreement.status() == AgreementStatus.PROPOSED;
    public static final Predicate<ModelAgreement> SIGNED = ModelAgreement::reachedSigned;
    public static final Predicate<ModelAgreement> CERTIFIED =
            agreement -> agreement.status() == AgreementStatus.CERTIFIED;

    private ExpectedTotals() {
    }

    public static Bucket overall(Collection<ModelAgreement> agreements, Predicate<ModelAgreement> stage) {
        return bucketOf(agreements.stream().filter(stage).toList());
    }

    /** Rows keyed as {@link org.agreementledger.api.support.TotalsAnswer#rowsKeyedBy} keys them. */
    public static Map<String, Bucket> by(Collection<ModelAgreement> agreements, Predicate<ModelAgreement> stage,
                                         Function<ModelAgreement, Collection<String>> keys) {
        Map<String, List<ModelAgreement>> groups = new TreeMap<>();
        agreements.stream().filter(stage).forEach(agreement -> keys.apply(agreement).forEach(key ->
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(agreement)));
        Map<String, Bucket> buckets = new TreeMap<>();
        groups.forEach((key, group) -> buckets.put(key, bucketOf(group)));
        return buckets;
    }

    /** Each distinct city among the parties, as "city|country". */
    public static Collection<String> cities(ModelAgreement agreement) {
        return agreement.parties().stream().map(party -> party.city() + "|" + party.country())
                .collect(Collectors.toSet());
    }

    /** Each distinct country among the parties. */
    public static Collection<String> countries(ModelAgreement agreement) {
        return agreement.parties().stream().map(Party::country).collect(Collectors.toSet());
    }

    private static Bucket bucketOf(List<ModelAgreement> agreements) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        agreements.forEach(agreement -> sums.merge(agreement.value().currency(), agreement.value().amount(),
                BigDecimal::add));
        Map<String, String> amounts = new TreeMap<>();
        sums.forEach((currency, sum) -> amounts.put(currency, sum.setScale(2).toPlainString()));
        return new Bucket(agreements.size(), amounts);
    }
}
