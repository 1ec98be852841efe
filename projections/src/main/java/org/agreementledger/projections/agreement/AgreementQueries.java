package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.OrganisationType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Reads agreements from the read model: one by id, or a page of a filtered listing. */
@Component
public class AgreementQueries {

    /** No page is larger, whatever size is asked for. */
    public static final int MAX_PAGE_SIZE = 100;
    private static final int EXPORT_BATCH_SIZE = 1000;
    /**
     * A listing counts the agreements it matches up to this many: counting a million would cost more
     * than the page. Exact counts of any size are what the totals are for.
     */
    public static final int COUNTED_AT_MOST = 10_000;

    private static final String AGREEMENT_COLUMNS = """
            a.agreement_id, a.title, a.kind, a.sector, a.status, a.amount, a.currency, a.occasion, a.proposed_on,
            a.proposed_by, a.fully_signed_on, a.declined_by_party, a.declined_on, a.decline_reason, a.withdrawn_on,
            a.withdrawal_reason, a.certificate_no, a.certified_on, a.revoked_on, a.revocation_reason""";

    private final JdbcTemplate jdbc;

    public AgreementQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AgreementView> find(UUID agreementId) {
        List<AgreementView> found = withParties(jdbc.query(
                "SELECT " + AGREEMENT_COLUMNS + " FROM agreement_view a WHERE a.agreement_id = ?",
                (row, i) -> agreementOf(row), agreementId));
        return found.stream().findFirst();
    }

    /**
     * A page of the agreements that match the filter, newest proposal first (ties in agreement id order).
     *
     * @param page from 0
     * @param size at least 1; more than {@link #MAX_PAGE_SIZE} gives {@link #MAX_PAGE_SIZE}
     */
    public AgreementPage list(AgreementFilter filter, int page, int size) {
        int pageSize = Math.min(size, MAX_PAGE_SIZE);
        Conditions place = placeConditions(filter);
        Conditions agreement = agreementConditions(filter);
        Conditions all = agreement.and(place.existsForAgreement());
        long counted = count(place, agreement);
        boolean exact = counted <= COUNTED_AT_MOST;
        long offset = (long) page * pageSize;
        List<AgreementView> items;
        if (exact && counted <= offset) {
            items = List.of();
        } else if (exact && !place.isEmpty() && counted < offset + pageSize) {
            // too few to fill the page: walking the listing's index would read every agreement that meets
            // the other conditions to find them; the place's index finds them, as it did for the count
            items = inListingOrder(placedFirst(place), place.arguments(), agreement, "LIMIT ? OFFSET ?", pageSize,
                    offset);
        } else {
            items = inListingOrder(all, "LIMIT ? OFFSET ?", pageSize, offset);
        }
        long total = Math.min(counted, COUNTED_AT_MOST);
        return new AgreementPage(items, page, pageSize, total, exact, (total + pageSize - 1) / pageSize);
    }

    /**
     * Hands every matching agreement to the consumer, in the listing's order, read a batch at a time
     * from where the last batch ended (never an OFFSET that reads again what came before).
     */
    public void forEachMatching(AgreementFilter filter, Consumer<AgreementView> consumer) {
        Conditions all = agreementConditions(filter).and(placeConditions(filter).existsForAgreement());
        AgreementView last = null;
        List<AgreementView> batch;
        do {
            Conditions page = all;
            if (last != null) {
                page = all.and(after(last));
            }
            batch = inListingOrder(page, "LIMIT ?", EXPORT_BATCH_SIZE);
            batch.forEach(consumer);
            last = batch.isEmpty() ? null : batch.get(batch.size() - 1);
        } while (batch.size() == EXPORT_BATCH_SIZE);
    }

    /** The agreements that meet the conditions, in the listing's order, with their parties, as far as the limit says. */
    private List<AgreementView> inListingOrder(Conditions conditions, String limit, Object... limitArguments) {
        return inListingOrder("agreement_view a", List.of(), conditions, limit, limitArguments);
    }

    /**
     * As {@link #inListingOrder(Conditions, String, Object...)}, from the given rows: agreement_view as
     * {@code a}, or joined to it with arguments of its own.
     */
    private List<AgreementView> inListingOrder(String from, List<Object> fromArguments, Conditions conditions,
                                               String limit, Object... limitArguments) {
        List<Object> arguments = new ArrayList<>(fromArguments);
        arguments.addAll(conditions.arguments());
        arguments.addAll(List.of(limitArguments));
        return withParties(jdbc.query("SELECT " + AGREEMENT_COLUMNS + " FROM " + from + conditions.where()
                + " ORDER BY a.proposed_on DESC, a.agreement_id " + limit, (row, i) -> agreementOf(row),
                arguments.toArray()));
    }

    /** The agreements after this one in the listing's order: newest proposal first, then agreement id. */
    private static Conditions after(AgreementView agreement) {
        Conditions after = new Conditions();
        after.add("(a.proposed_on < ? OR (a.proposed_on = ? AND a.agreement_id > ?))", agreement.proposedOn(),
                agreement.proposedOn(), agreement.agreementId());
        return after;
    }

    /**
     * Counts the matches, up to one more than {@link #COUNTED_AT_MOST}. With a place, the count
     * starts from the parties' index on the place, which holds the fewer rows: PostgreSQL would
     * otherwise hash the parties and read every agreement to find theirs.
     */
    private long count(Conditions place, Conditions agreement) {
        String matching;
        List<Object> arguments = new ArrayList<>(place.arguments());
        if (place.isEmpty()) {
            matching = "SELECT 1 FROM agreement_view a" + agreement.where();
        } else if (agreement.isEmpty()) {
            matching = placed(place);
        } else {
            matching = "SELECT 1 FROM " + placedFirst(place) + agreement.where();
        }
        arguments.addAll(agreement.arguments());
        arguments.add(COUNTED_AT_MOST + 1);
        Long counted = jdbc.queryForObject("SELECT count(*) FROM (" + matching + " LIMIT ?) matching", Long.class,
                arguments.toArray());
        return counted == null ? 0 : counted;
    }

    /** The agreements with a party at the place, as their ids: from the parties' index on the place. */
    private static String placed(Conditions place) {
        return "SELECT DISTINCT p.agreement_id FROM agreement_party_view p" + place.where();
    }

    /** The agreements with a party at the place, found from the parties' index first, joined to their rows as {@code a}. */
    private static String placedFirst(Conditions place) {
        return "(" + placed(place) + ") placed JOIN agreement_view a ON a.agreement_id = placed.agreement_id";
    }

    /** Conditions on one party: city and country name one place, and both must hold for the same party. */
    private static Conditions placeConditions(AgreementFilter filter) {
        Conditions place = new Conditions();
        place.addIfPresent("p.city = ?", filter.city());
        place.addIfPresent("p.country = ?", filter.country());
        place.addIfPresent("p.party_id = ?", filter.partyId());
        if (filter.awaitingSignatureOf() != null) {
            place.add("p.party_id = ? AND p.signed_on IS NULL", filter.awaitingSignatureOf());
        }
        return place;
    }

    private static Conditions agreementConditions(AgreementFilter filter) {
        Conditions agreement = new Conditions();
        agreement.addIfPresent("a.sector = ?", filter.sector());
        agreement.addIfPresent("a.kind = ?", filter.kind() == null ? null : filter.kind().name());
        if (filter.year() != null && filter.year() >= 1 && filter.year() <= 9999) {
            // a range, which the listing's index on proposed_on serves, unlike EXTRACT(YEAR ...)
            agreement.add("a.proposed_on >= ? AND a.proposed_on < ?", LocalDate.of(filter.year(), 1, 1),
                    LocalDate.of(filter.year() + 1, 1, 1));
        } else {
            // a year no date of the range above holds: compared as it is, it matches what it may
            agreement.addIfPresent("EXTRACT(YEAR FROM a.proposed_on) = ?", filter.year());
        }
        agreement.addIfPresent("a.status = ?", filter.status() == null ? null : filter.status().name());
        agreement.addIfPresent("a.occasion = ?", filter.occasion());
        if (filter.awaitingSignatureOf() != null) {
            agreement.add("a.status = ?", AgreementStatus.PROPOSED.name());
        }
        if (filter.words() != null) {
            // each side on its own trigram index, joined by id: an OR across the two tables would read them whole
            String pattern = "%" + filter.words().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            agreement.add("a.agreement_id IN (SELECT agreement_id FROM agreement_view WHERE title ILIKE ?"
                    + " UNION SELECT agreement_id FROM agreement_party_view WHERE name ILIKE ?)", pattern, pattern);
        }
        return agreement;
    }

    private List<AgreementView> withParties(List<AgreementView> agreements) {
        if (agreements.isEmpty()) {
            return agreements;
        }
        String placeholders = String.join(", ", Collections.nCopies(agreements.size(), "?"));
        Map<UUID, List<PartyView>> partiesByAgreement = new HashMap<>();
        jdbc.query("SELECT * FROM agreement_party_view WHERE agreement_id IN (" + placeholders
                        + ") ORDER BY agreement_id, position",
                row -> {
                    partiesByAgreement.computeIfAbsent(row.getObject("agreement_id", UUID.class),
                            id -> new ArrayList<>()).add(partyOf(row));
                },
                agreements.stream().map(AgreementView::agreementId).toArray());
        return agreements.stream().map(agreement -> withParties(agreement,
                partiesByAgreement.getOrDefault(agreement.agreementId(), List.of()))).collect(Collectors.toList());
    }

    private static AgreementView withParties(AgreementView agreement, List<PartyView> parties) {
        return new AgreementView(agreement.agreementId(), agreement.title(), agreement.kind(), agreement.sector(),
                agreement.status(), agreement.value(), agreement.occasion(), agreement.proposedOn(),
                agreement.proposedBy(), List.copyOf(parties), agreement.fullySignedOn(), agreement.declined(),
                agreement.withdrawal(), agreement.certification());
    }

    /** The agreement without its parties; {@link #withParties} adds them. */
    private static AgreementView agreementOf(ResultSet row) throws SQLException {
        LocalDate declinedOn = row.getObject("declined_on", LocalDate.class);
        LocalDate withdrawnOn = row.getObject("withdrawn_on", LocalDate.class);
        String certificateNo = row.getString("certificate_no");
        return new AgreementView(
                row.getObject("agreement_id", UUID.class),
                row.getString("title"),
                CooperationKind.valueOf(row.getString("kind")),
                row.getString("sector"),
                AgreementStatus.valueOf(row.getString("status")),
                new Money(row.getBigDecimal("amount"), row.getString("currency")),
                row.getString("occasion"),
                row.getObject("proposed_on", LocalDate.class),
                row.getString("proposed_by"),
                List.of(),
                row.getObject("fully_signed_on", LocalDate.class),
                declinedOn == null ? null
                        : new DeclineView(row.getString("declined_by_party"), declinedOn, row.getString("decline_reason")),
                withdrawnOn == null ? null : new WithdrawalView(withdrawnOn, row.getString("withdrawal_reason")),
                certificateNo == null ? null : new CertificationView(certificateNo,
                        row.getObject("certified_on", LocalDate.class), row.getObject("revoked_on", LocalDate.class),
                        row.getString("revocation_reason")));
    }

    private static PartyView partyOf(ResultSet row) throws SQLException {
        return new PartyView(row.getString("party_id"), row.getString("name"),
                OrganisationType.valueOf(row.getString("organisation_type")), row.getString("city"),
                row.getString("country"), row.getObject("signed_on", LocalDate.class));
    }

    /** Conditions joined by AND, and their arguments in order. */
    private static final class Conditions {

        private final List<String> conditions = new ArrayList<>();
        private final List<Object> arguments = new ArrayList<>();

        void add(String condition, Object... values) {
            conditions.add(condition);
            arguments.addAll(List.of(values));
        }

        void addIfPresent(String condition, Object value) {
            if (value != null) {
                add(condition, value);
            }
        }

        boolean isEmpty() {
            return conditions.isEmpty();
        }

        /** These conditions on the parties, as one condition on the agreement: a party of it meets them all. */
        Conditions existsForAgreement() {
            Conditions exists = new Conditions();
            if (!isEmpty()) {
                exists.add("EXISTS (SELECT 1 FROM agreement_party_view p WHERE p.agreement_id = a.agreement_id AND "
                        + String.join(" AND ", conditions) + ")", arguments.toArray());
            }
            return exists;
        }

        Conditions and(Conditions more) {
            Conditions both = new Conditions();
            both.conditions.addAll(conditions);
            both.conditions.addAll(more.conditions);
            both.arguments.addAll(arguments);
            both.arguments.addAll(more.arguments);
            return both;
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        List<Object> arguments() {
            return arguments;
        }
    }
}
