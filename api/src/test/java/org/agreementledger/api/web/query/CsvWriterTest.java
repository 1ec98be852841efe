package org.agreementledger.api.web.query;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    private final StringWriter out = new StringWriter();
    private final CsvWriter csv = new CsvWriter(out);

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithTheirQuotesDoubled() throws IOException {
        csv.texts(List.of("plain", "a,b", "say \"yes\"", "two\nlines", "cr\rlf"));

        assertThat(out.toString()).isEqualTo("plain,\"a,b\",\"say \"\"yes\"\"\",\"two\nlines\",\"cr\rlf\"\r\n");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws IOException {
        csv.texts(List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "fine=1"));

        assertThat(out.toString()).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),'\tx,fine=1\r\n");
    }

    @Test
    void valuesTheLedgerMadeAreWrittenAsTheyAreAndNullsAsEmptyFields() throws IOException {
        csv.values(Arrays.asList("-1.00", null, 42));

        assertThat(out.toString()).isEqualTo("-1.00,,42\r\n");
    }
}
