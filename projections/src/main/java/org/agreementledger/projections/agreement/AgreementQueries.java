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
import java.util.stream.Collectors;

/** Reads agreements from the read model: one by id, or a page of a filtered listing. */
@Component
public class AgreementQueries {

    /** No page is larger, whatever size is asked for. */
    public static final int MAX_PAGE_SIZE = 100;

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
        Where where = whereOf(filter);
        Long totalItems = jdbc.queryForObject("SELECT count(*) FROM agreement_view a" + where.sql(), Long.class,
                where.arguments().toArray());
        List<Object> pageArguments = new ArrayList<>(where.arguments());
        pageArguments.add(pageSize);
        pageArguments.add((long) page * pageSize);
        List<AgreementView> items = withParties(jdbc.query("SELECT " + AGREEMENT_COLUMNS + " FROM agreement_view a"
                        + where.sql() + " ORDER BY a.proposed_on DESC, a.agreement_id LIMIT ? OFFSET ?",
                (row, i) -> agreementOf(row), pageArguments.toArray()));
        long total = totalItems == null ? 0 : totalItems;
        return new AgreementPage(items, page, pageSize, total, (total + pageSize - 1) / pageSize);
    }

    private static Where whereOf(AgreementFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        // city and country name one place: both must hold for the same party
        List<String> partyConditions = new ArrayList<>();
        if (filter.city() != null) {
            partyConditions.add("p.city = ?");
            arguments.add(filter.city());
        }
        if (filter.country() != null) {
            partyConditions.add("p.country = ?");
            arguments.add(filter.country());
        }
        if (!partyConditions.isEmpty()) {
            conditions.add("EXISTS (SELECT 1 FROM agreement_party_view p WHERE p.agreement_id = a.agreement_id AND "
                    + String.join(" AND ", partyConditions) + ")");
        }
        addIfPresent(conditions, arguments, "a.sector = ?", filter.sector());
        addIfPresent(conditions, arguments, "a.kind = ?", filter.kind() == null ? null : filter.kind().name());
        addIfPresent(conditions, arguments, "EXTRACT(YEAR FROM a.proposed_on) = ?", filter.year());
        addIfPresent(conditions, arguments, "a.status = ?", filter.status() == null ? null : filter.status().name());
        addIfPresent(conditions, arguments, "a.occasion = ?", filter.occasion());
        String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Where(sql, arguments);
    }

    private static void addIfPresent(List<String> conditions, List<Object> arguments, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            arguments.add(value);
        }
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

    /** A WHERE clause and its arguments, in order. */
    private record Where(String sql, List<Object> arguments) {
    }
}
