package backroom.edge.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A report's text fields in CSV: quoted where a spreadsheet would split them, and never read as a formula. */
class ReportCsvTest {

    @Test
    void aFieldIsQuotedWhenItHoldsACommaQuoteOrLineBreak() {
        assertThat(ReportCsv.text("Latte")).isEqualTo("Latte");
        assertThat(ReportCsv.text("Latte, large")).isEqualTo("\"Latte, large\"");
        assertThat(ReportCsv.text("the \"big\" one")).isEqualTo("\"the \"\"big\"\" one\"");
        assertThat(ReportCsv.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ReportCsv.text("two\rlines")).isEqualTo("\"two\rlines\"");
        assertThat(ReportCsv.text("")).isEmpty();
    }

    @Test
    void aFieldAFormulaCouldStartWithIsWrittenAsText() {
        assertThat(ReportCsv.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.text("+1")).isEqualTo("'+1");
        assertThat(ReportCsv.text("-1")).isEqualTo("'-1");
        assertThat(ReportCsv.text("@sum")).isEqualTo("'@sum");
        assertThat(ReportCsv.text("a=b")).isEqualTo("a=b");
    }
}
