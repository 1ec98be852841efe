package org.agreementledger.projections.totals;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.ledger.event.AgreementProposed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the totals need to know of one agreement: what it is worth, under which sector, kind and
 * occasion it counts, in which places, and the dates its stages are counted in.
 *
 * @param occasion    the occasion, or {@code null} when it has none
 * @param certifiedOn the date of its certification, or {@code null} while it has none
 */
public record TotalsFacts(String sector, CooperationKind kind, String occasion, Money value, SortedSet<Place> places,
                          LocalDate proposedOn, LocalDate certifiedOn) {

    public TotalsFacts {
        places = new TreeSet<>(places);
    }

    public static TotalsFacts of(AgreementProposed proposal) {
        return new TotalsFacts(proposal.sector(), proposal.kind(), proposal.occasion(), proposal.value(),
                placesOf(proposal.parties()), proposal.proposedOn(), null);
    }

    /** The distinct places among the parties: two parties in one city make one place. */
    public static SortedSet<Place> placesOf(Collection<Party> parties) {
        return parties.stream().map(party -> new Place(party.city(), party.country()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The facts once the event has happened: only a certification adds one. */
    public TotalsFacts after(AgreementEvent event) {
        if (event instanceof AgreementCertified certified) {
            return new TotalsFacts(sector, kind, occasion, value, places, proposedOn, certified.certifiedOn());
        }
        return this;
    }

    /** The buckets the agreement counts in at a stage and year: once, once per country, once per city. */
    public List<BucketKey> bucketsAt(Stage stage, int year) {
        String occasionKey = occasion == null ? BucketKey.NONE : occasion;
        List<BucketKey> buckets = new ArrayList<>();
        buckets.add(new BucketKey(Grain.AGREEMENT, stage, year, sector, kind.name(), occasionKey,
                BucketKey.NONE, BucketKey.NONE, value.currency()));
        places.stream().map(Place::country).distinct().forEach(country -> buckets.add(new BucketKey(
                Grain.COUNTRY, stage, year, sector, kind.name(), occasionKey, country, BucketKey.NONE,
                value.currency())));
        places.forEach(place -> buckets.add(new BucketKey(Grain.CITY, stage, year, sector, kind.name(), occasionKey,
                place.country(), place.city(), value.currency())));
        return buckets;
    }
}
