package org.agreementledger.api.web.command;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProposalListTest {

    private static final String HEADER = "title,kind,sector,amount,currency,occasion,proposed_on,"
            + "party1_id,party1_name,party1_type,party1_city,party1_country,"
            + "party2_id,party2_name,party2_type,party2_city,party2_country\n";

    @Test
    @SuppressWarnings("unchecked")
    void eachLineBecomesTheJsonOfAProposalWithItsPartiesInOrder() {
        List<ProposalList.Line> lines = ProposalList.read(HEADER
                + "\"Incubator, phase 2\",TECHNOLOGY,SMART_TECHNOLOGY,1500000.00,CNY,Urumqi 2024,2024-08-22,"
                + "CN-URUMQI-XJU,Xinjiang University,UNIVERSITY,Urumqi,CN,KZ-ALMATY-KBTU,KBTU,UNIVERSITY,Almaty,KZ\n");

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).number()).isEqualTo(2);
        Map<String, Object> proposal = lines.get(0).proposal();
        assertThat(proposal).containsEntry("title", "Incubator, phase 2").containsEntry("proposedOn", "2024-08-22")
                .containsEntry("value", Map.of("amount", "1500000.00", "currency", "CNY"));
        assertThat((List<Object>) proposal.get("parties")).containsExactly(
                Map.of("partyId", "CN-URUMQI-XJU", "name", "Xinjiang University", "organisationType", "UNIVERSITY",
                        "city", "Urumqi", "country", "CN"),
                Map.of("partyId", "KZ-ALMATY-KBTU", "name", "KBTU", "organisationType", "UNIVERSITY",
                        "city", "Almaty", "country", "KZ"));
    }

    @Test
    void linesAreNumberedAsASpreadsheetNumbersThemAndEmptyCellsAreAbsentValues() {
        List<ProposalList.Line> lines = ProposalList.read(HEADER + "A,TALENT,BIOMEDICINE,1.00,,,,P1,N1,UNIVERSITY,Urumqi,CN,,,,,\n"
                + "B,TALENT,BIOMEDICINE,2.00,CNY,,,P1,N1,UNIVERSITY,Urumqi,CN,P2,N2,ENTERPRISE,Wuhan,CN\n");

        assertThat(lines).extracting(ProposalList.Line::number).containsExactly(2, 3);
        assertThat(lines.get(0).proposal()).containsEntry("occasion", null).containsEntry("proposedOn", null);
        assertThat((List<?>) lines.get(0).proposal().get("parties")).hasSize(1);
    }

    @Test
    void aColumnNoProposalHasRefusesTheWholeList() {
        assertThatThrownBy(() -> ProposalList.read("title,kind,value\nA,TALENT,1\n"))
                .isInstanceOf(UnreadableProposalListException.class)
                .hasMessageContaining("'value' is not a column of a proposal list");
    }

    @Test
    void aFieldOfTheRequestIsNamedByItsColumn() {
        assertThat(ProposalList.columnOf("value.amount")).isEqualTo("amount");
        assertThat(ProposalList.columnOf("proposedOn")).isEqualTo("proposed_on");
        assertThat(ProposalList.columnOf("parties[1].city")).isEqualTo("party2_city");
        assertThat(ProposalList.columnOf("parties[0].partyId")).isEqualTo("party1_id");
        assertThat(ProposalList.columnOf("parties[0].organisationType")).isEqualTo("party1_type");
        assertThat(ProposalList.columnOf("title")).isEqualTo("title");
    }
}
