package org.agreementledger.api.web.command;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.agreementledger.api.problem.ProblemCode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of proposals as a conference secretariat keeps it: CSV with a header line, one proposal a
 * line, its parties side by side ({@code party1_id, party1_name, party1_type, party1_city,
 * party1_country}, then {@code party2_...} and so on). Each line becomes the JSON a proposal request
 * carries, so that it meets exactly the same reading and rules; a field of that request is named
 * back by its column.
 */
final class ProposalList {

    static final List<String> PROPOSAL_COLUMNS = List.of("title", "kind", "sector", "amount", "currency", "occasion",
            "proposed_on");
    private static final Map<String, String> PARTY_FIELDS = Map.of("id", "partyId", "name", "name",
            "type", "organisationType", "city", "city", "country", "country");
    private static final Pattern PARTY_COLUMN = Pattern.compile("party([1-9][0-9]?)_(id|name|type|city|country)");
    private static final Pattern PARTY_FIELD = Pattern.compile("parties\\[(\\d+)]\\.(\\w+)");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    /** One line of the list, numbered as a spreadsheet numbers it (the header is line 1). */
    record Line(int number, Map<String, Object> proposal) {
    }

    private ProposalList() {
    }

    /** The lines of the list; a header naming a column no proposal has refuses the whole list. */
    static List<Line> read(String csv) {
        List<Line> lines = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            checkHeader(((CsvSchema) rows.getParserSchema()).getColumnNames());
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                lines.add(new Line(rows.getCurrentLocation().getLineNr() - 1, proposalOf(row)));
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof UnreadableProposalListException refusal) {
                throw refusal;
            }
            throw new UnreadableProposalListException(ProblemCode.MALFORMED_REQUEST, null,
                    "The list is not CSV with a header line.");
        }
        return lines;
    }

    /** The column a field of a proposal request comes from: {@code parties[1].city} from {@code party2_city}. */
    static String columnOf(String field) {
        Matcher party = PARTY_FIELD.matcher(field);
        if (party.matches()) {
            String column = PARTY_FIELDS.entrySet().stream().filter(entry -> entry.getValue().equals(party.group(2)))
                    .map(Map.Entry::getKey).findFirst().orElse(party.group(2));
            return "party" + (Integer.parseInt(party.group(1)) + 1) + "_" + column;
        }
        return switch (field) {
            case "value.amount" -> "amount";
            case "value.currency" -> "currency";
            case "proposedOn" -> "proposed_on";
            case "value" -> "amount";
            case "parties" -> "party1_id";
            default -> field;
        };
    }

    private static void checkHeader(List<String> columns) {
        Set<String> known = Set.copyOf(PROPOSAL_COLUMNS);
        for (String column : columns) {
            if (!known.contains(column) && !PARTY_COLUMN.matcher(column).matches()) {
                throw new UnreadableProposalListException(ProblemCode.INVALID_REQUEST, column,
                        "'" + column + "' is not a column of a proposal list; the columns are "
                                + String.join(", ", PROPOSAL_COLUMNS) + " and party1_id, party1_name, party1_type,"
                                + " party1_city, party1_country, party2_id and so on");
            }
        }
    }

    private static Map<String, Object> proposalOf(Map<String, String> row) {
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("title", blankToNull(row.get("title")));
        proposal.put("kind", blankToNull(row.get("kind")));
        proposal.put("sector", blankToNull(row.get("sector")));
        proposal.put("occasion", blankToNull(row.get("occasion")));
        proposal.put("proposedOn", blankToNull(row.get("proposed_on")));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("amount", blankToNull(row.get("amount")));
        value.put("currency", blankToNull(row.get("currency")));
        proposal.put("value", value);
        List<Map<String, Object>> parties = new ArrayList<>();
        for (int n = 1; row.containsKey("party" + n + "_id"); n++) {
            Map<String, Object> party = new LinkedHashMap<>();
            for (Map.Entry<String, String> field : PARTY_FIELDS.entrySet()) {
                party.put(field.getValue(), blankToNull(row.get("party" + n + "_" + field.getKey())));
            }
            if (party.values().stream().anyMatch(Objects::nonNull)) {
                parties.add(party);
            }
        }
        proposal.put("parties", parties);
        return proposal;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
