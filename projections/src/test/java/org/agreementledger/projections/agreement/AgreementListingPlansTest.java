package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing's queries as PostgreSQL plans them over a read model of 200,000 agreements with
 * statistics gathered: every filter is served by an index, none reads a table whole. The queries
 * are those the listing sends, each explained with its own arguments before it runs.
 */
class AgreementListingPlansTest {

    private static final int AGREEMENTS = 200_000;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void aLargeReadModel() {
        jdbc = ReadModelDatabase.emptyReadModels();
        jdbc.update("""
                INSERT INTO agreement_view (agreement_id, title, kind, sector, amount, currency, occasion,
                                            proposed_on, proposed_by, status, last_sequence_number)
                SELECT md5(i::text)::uuid, 'Agreement ' || i, (ARRAY['INDUSTRY', 'TECHNOLOGY', 'TALENT'])[1 + i % 3],
                       'SECTOR_' || i % 9, 1000, 'CNY', 'Conference ' || (2015 + i % 12), DATE '2015-01-01' + i % 4300,
                       'registrar', (ARRAY['PROPOSED', 'SIGNED', 'CERTIFIED', 'DECLINED', 'WITHDRAWN',
                                           'REVOKED'])[1 + (i * 7) % 6], 0
                FROM generate_series(1, ?) i""", AGREEMENTS);
        jdbc.update("""
                INSERT INTO agreement_party_view (agreement_id, position, party_id, name, organisation_type, city,
                                                  country)
                SELECT md5(i::text)::uuid, p, 'P-' || i % 400 || '-' || p, 'Partner', 'UNIVERSITY',
                       CASE WHEN p = 0 THEN 'Urumqi' ELSE 'City ' || i % 33 END,
                       CASE WHEN p = 0 OR i % 33 < 28 THEN 'CN' WHEN i % 33 < 31 THEN 'KZ' ELSE 'UZ' END
                FROM generate_series(1, ?) i, generate_series(0, 1) p""", AGREEMENTS);
        jdbc.execute("ANALYZE agreement_view");
        jdbc.execute("ANALYZE agreement_party_view");
    }

    @Test
    void noFilteredListingReadsATableWhole() {
        List<AgreementFilter> filters = List.of(
                new AgreementFilter("City 7", "CN", null, null, null, null, null, null, null, null),
                new AgreementFilter(null, "KZ", null, null, null, null, null, null, null, null),
                new AgreementFilter(null, null, "SECTOR_3", null, null, null, null, null, null, null),
                new AgreementFilter(null, null, null, CooperationKind.TALENT, null, null, null, null, null, null),
                new AgreementFilter(null, null, null, null, 2019, null, null, null, null, null),
                new AgreementFilter(null, null, null, null, null, AgreementStatus.REVOKED, null, null, null, null),
                new AgreementFilter(null, null, null, null, null, null, "Conference 2020", null, null, null),
                new AgreementFilter("City 31", "UZ", "SECTOR_1", null, 2024, null, null, null, null, null),
                new AgreementFilter(null, null, null, CooperationKind.TECHNOLOGY, 2016, AgreementStatus.SIGNED, null, null, null, null),
                new AgreementFilter(null, null, null, null, null, null, null, "P-17-1", null, null),
                new AgreementFilter(null, null, null, null, null, null, null, null, "P-18-1", null),
                new AgreementFilter(null, null, null, null, null, null, null, null, null, "agreement 1999"),
                new AgreementFilter(null, null, "SECTOR_3", null, null, null, null, null, null, "Agreement 12"));
        for (AgreementFilter filter : filters) {
            ExplainingJdbcTemplate explaining = new ExplainingJdbcTemplate();
            AgreementPage page = new AgreementQueries(explaining).list(filter, 3, 20);

            assertThat(page.items()).as("%s finds agreements", filter).isNotEmpty();
            assertThat(explaining.plans).as("plans of %s", filter).hasSizeGreaterThanOrEqualTo(3)
                    .noneMatch(plan -> plan.contains("Seq Scan"));
        }
    }

    /** City 31 (Uzbekistan), one sector, one year: a few dozen agreements of the 200,000. */
    private static final AgreementFilter FEW = new AgreementFilter("City 31", "UZ", "SECTOR_1", null, 2024, null, null,
            null, null, null);

    @Test
    void aPageBeyondTheMatchesIsAnsweredFromTheCountAlone() {
        ExplainingJdbcTemplate explaining = new ExplainingJdbcTemplate();
        AgreementPage page = new AgreementQueries(explaining).list(FEW, 100, 20);

        assertThat(page.totalItemsExact()).isTrue();
        assertThat(page.totalItems()).isPositive().isLessThan(100 * 20);
        assertThat(page.items()).isEmpty();
        assertThat(explaining.plans).hasSize(1);
    }

    @Test
    void aPageTheMatchesDoNotFillIsReadFromThePlaceAndFollowsTheFullPageBeforeIt() {
        ExplainingJdbcTemplate explaining = new ExplainingJdbcTemplate();
        AgreementQueries queries = new AgreementQueries(explaining);
        AgreementPage full = queries.list(FEW, 0, 100);
        assertThat(full.totalItems()).as("more than one page, fewer than two").isBetween(101L, 199L);

        AgreementPage last = queries.list(FEW, 1, 100);

        assertThat(last.items()).hasSize((int) full.totalItems() - 100);
        List<AgreementView> both = new ArrayList<>(full.items());
        both.addAll(last.items());
        assertThat(both).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.comparing(AgreementView::proposedOn).reversed()
                        .thenComparing(agreement -> agreement.agreementId().toString()))
                .allSatisfy(agreement -> assertThat(agreement.parties())
                        .anyMatch(party -> party.city().equals("City 31") && party.country().equals("UZ")));
        String lastPagePlan = explaining.plans.get(explaining.plans.size() - 2);
        assertThat(lastPagePlan).contains("on agreement_party_view p").doesNotContain("Seq Scan");
    }

    @Test
    void aPlaceIsEstimatedAsACityOfItsCountryNotAsACityAndACountryApart() {
        // City 31 is one of the two cities in Uzbekistan: taken apart, the two filters would leave it a
        // thirtieth of its parties
        String plan = jdbc.queryForObject("EXPLAIN (FORMAT JSON) SELECT * FROM agreement_party_view"
                + " WHERE city = 'City 31' AND country = 'UZ'", String.class);
        long estimated = Long.parseLong(plan.replaceAll("(?s).*\"Plan Rows\": (\\d+).*", "$1"));
        Long actual = jdbc.queryForObject("SELECT count(*) FROM agreement_party_view"
                + " WHERE city = 'City 31' AND country = 'UZ'", Long.class);

        assertThat((double) estimated).as(plan).isBetween(actual / 2.0, actual * 2.0);
    }

    @Test
    void theUnfilteredListingReadsAPageOfTheIndexAndCountsNoFurtherThanItsLimit() {
        ExplainingJdbcTemplate explaining = new ExplainingJdbcTemplate();
        new AgreementQueries(explaining).list(new AgreementFilter(null, null, null, null, null, null, null, null, null, null), 3, 20);

        String count = explaining.plans.get(0);
        assertThat(count.lines().skip(1).findFirst().orElseThrow()).as(count).contains("Limit");
        assertThat(explaining.plans.subList(1, explaining.plans.size())).noneMatch(plan -> plan.contains("Seq Scan"));
    }

    @Test
    void aListingCountsUpToItsLimitAndSaysWhenMoreMatch() {
        AgreementPage all = new AgreementQueries(jdbc).list(new AgreementFilter(null, null, null, null, null, null,
                null, null, null, null), 0, 20);
        AgreementPage few = new AgreementQueries(jdbc).list(new AgreementFilter("City 31", "UZ", "SECTOR_1", null,
                2024, null, null, null, null, null), 0, 20);

        assertThat(all.totalItems()).isEqualTo(AgreementQueries.COUNTED_AT_MOST);
        assertThat(all.totalItemsExact()).isFalse();
        assertThat(few.totalItemsExact()).isTrue();
        assertThat(few.totalItems()).isEqualTo(jdbc.queryForObject("""
                SELECT count(*) FROM agreement_view a WHERE a.sector = 'SECTOR_1'
                  AND a.proposed_on >= DATE '2024-01-01' AND a.proposed_on < DATE '2025-01-01'
                  AND EXISTS (SELECT 1 FROM agreement_party_view p WHERE p.agreement_id = a.agreement_id
                              AND p.city = 'City 31' AND p.country = 'UZ')""", Long.class)).isPositive();
    }

    /** Runs each query as it is, after noting its plan with the same arguments. */
    private static final class ExplainingJdbcTemplate extends JdbcTemplate {

        private final List<String> plans = new ArrayList<>();

        ExplainingJdbcTemplate() {
            super(jdbc.getDataSource());
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) throws DataAccessException {
            explain(sql, args);
            return super.query(sql, rowMapper, args);
        }

        @Override
        public void query(String sql, RowCallbackHandler handler, Object... args) throws DataAccessException {
            explain(sql, args);
            super.query(sql, handler, args);
        }

        @Override
        public <T> T queryForObject(String sql, Class<T> requiredType, Object... args) throws DataAccessException {
            explain(sql, args);
            return super.queryForObject(sql, requiredType, args);
        }

        private void explain(String sql, Object... args) {
            plans.add(String.join("\n", super.query("EXPLAIN " + sql, (row, i) -> row.getString(1), args)));
        }
    }
}
