package dev.arrears.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvoiceCsvReaderTest {

    @TempDir
    Path dir;

    private final InvoiceCsvReader reader = new InvoiceCsvReader();

    @Test
    void readsTheShippedSample() {
        List<InvoiceSnapshot> invoices = reader.read(Path.of("config/examples/invoices.csv"));

        assertThat(invoices).hasSize(12);
        InvoiceSnapshot hudson = invoices.get(3);
        assertThat(hudson.number()).isEqualTo("INV-1004");
        assertThat(hudson.customerName()).isEqualTo("Hudson Valley Supply, Inc.");
        assertThat(hudson.amountDue()).isEqualTo(Money.of("7820.50", "USD"));
        assertThat(hudson.dueDate()).contains(LocalDate.of(2026, 11, 28));
        assertThat(invoices.get(4).amountDue()).isEqualTo(Money.of("250000", "JPY"));
        assertThat(invoices.get(5).dueDate()).isEmpty();
        assertThat(invoices.get(6).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices).extracting(InvoiceSnapshot::customerName).contains("Brightwater Cafés", "Klein & Söhne GmbH");
    }

    @Test
    void reportsEveryBadCellWithLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), """
                number,customer_id,customer_name,currency,issue_date,due_date,total,amount_due,status
                INV-1,C1,Good Ltd,GBP,2026-11-01,2026-12-01,100.00,100.00,open
                INV-2,C2,Bad Dates Ltd,GBP,2026-11-31,01/12/2026,100.00,100.00,open
                INV-3,C3,Bad Money Ltd,JPY,2026-11-01,2026-12-01,"1,000",10.5,unpaid
                INV-4,C4,Too Few Ltd,GBP,2026-11-01
                INV-1,C1,Again Ltd,XXX,2026-11-01,2026-12-01,100.00,-1,open
                INV-5,,"Over Ltd",GBP,2026-11-01,2026-12-01,100.00,150.00,open
                INV-6,C6,"Broken "quote" Ltd",GBP,2026-11-01,2026-12-01,1.00,1.00,open
                """);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOfSatisfying(InvoiceCsvException.class, e ->
                assertThat(e.problems()).extracting(CsvProblem::toString).containsExactly(
                        file + ":3: column 'issue_date': '2026-11-31' is not a date; expected YYYY-MM-DD, such as 2026-12-31",
                        file + ":3: column 'due_date': '01/12/2026' is not a date; expected YYYY-MM-DD, such as 2026-12-31",
                        file + ":4: column 'total': '1,000' is not an amount; expected digits with a '.' for decimals and no thousands separator or currency sign, such as 1250.00",
                        file + ":4: column 'amount_due': 10.5 has more decimals than JPY allows (0)",
                        file + ":4: column 'status': 'unpaid' is not a status; expected one of: draft, open, paid, voided, deleted",
                        file + ":5: has 5 fields, expected 9 (" + InvoiceCsvReader.HEADER + "); put a value containing a comma in double quotes",
                        file + ":6: column 'currency': XXX has no minor unit defined; it cannot be invoiced; expected a code such as GBP, EUR, USD or JPY",
                        file + ":7: column 'customer_id': is empty; a value is required",
                        file + ":7: column 'amount_due': 150.00 GBP is more than the total 100.00 GBP; expected at most the total (late fees are separate invoices)",
                        file + ":8: a quote in the middle of field 3; put the whole field in double quotes and write a quote inside it as \"\""));
    }

    @Test
    void aDuplicateInvoiceNumberIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("dup.csv"), InvoiceCsvReader.HEADER + "\n"
                + "INV-1,C1,A,GBP,2026-11-01,2026-12-01,1.00,1.00,open\n"
                + "\n"
                + "INV-1,C1,A,GBP,2026-11-01,2026-12-01,1.00,1.00,open\n");

        assertThatThrownBy(() -> reader.read(file))
                .hasMessageContaining(file + ":4: column 'number': 'INV-1' is already on line 2; expected each invoice once");
    }

    @Test
    void aWrongHeaderIsReportedBeforeAnyRow() throws IOException {
        Path file = Files.writeString(dir.resolve("header.csv"), "number,customer,currency\nINV-1,A,GBP\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOfSatisfying(InvoiceCsvException.class, e ->
                assertThat(e.problems()).extracting(CsvProblem::toString).contains(
                        file + ":1: column 'customer': unknown column; expected the header " + InvoiceCsvReader.HEADER,
                        file + ":1: column 'due_date': is missing; expected the header " + InvoiceCsvReader.HEADER));
    }

    @Test
    void columnsMayComeInAnyOrderAndSpreadsheetByteOrderMarksAreIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("order.csv"), "\uFEFFstatus,number,customer_id,customer_name,"
                + "currency,issue_date,due_date,total,amount_due\nopen,INV-9,C9,\"Say \"\"Hi\"\" Ltd\",eur,2026-11-01,,10,10\n");

        InvoiceSnapshot invoice = reader.read(file).getFirst();

        assertThat(invoice.customerName()).isEqualTo("Say \"Hi\" Ltd");
        assertThat(invoice.amountDue()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(invoice.dueDate()).isEmpty();
    }
}
