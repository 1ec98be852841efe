package org.agreementledger.api.web.query;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV: a field holding a comma, quote or line break is quoted, its quotes doubled;
 * lines end in CRLF. A text that a spreadsheet would take for a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written with a leading apostrophe,
 * so that opening an export never runs what a proposal's author typed.
 */
final class CsvWriter {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** A line of values written as they are: numbers, dates, codes the ledger made. */
    void values(List<?> fields) throws IOException {
        write(fields, false);
    }

    /** A line whose fields may hold text people typed. */
    void texts(List<?> fields) throws IOException {
        write(fields, true);
    }

    private void write(List<?> fields, boolean guardFormulas) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i), guardFormulas));
        }
        out.write("\r\n");
    }

    private static String field(Object value, boolean guardFormulas) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (guardFormulas && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
