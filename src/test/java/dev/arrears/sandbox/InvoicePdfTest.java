package dev.arrears.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sandbox's invoice PDF is a well-formed PDF: every cross-reference points at its object, and text is escaped. */
class InvoicePdfTest {

    @Test
    void crossReferenceTablePointsAtEveryObject() {
        byte[] pdf = InvoicePdf.document(List.of("Müller (Berlin) GmbH", "INVOICE INV-7", "Amount due: EUR 1.00"));
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-1.4\n").endsWith("%%EOF\n");
        Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(text);
        assertThat(startxref.find()).isTrue();
        int xref = Integer.parseInt(startxref.group(1));
        assertThat(text.substring(xref)).startsWith("xref\n0 6\n0000000000 65535 f \n");
        Matcher entry = Pattern.compile("(\\d{10}) 00000 n \n").matcher(text.substring(xref));
        int object = 1;
        while (entry.find()) {
            assertThat(text.substring(Integer.parseInt(entry.group(1)))).startsWith(object + " 0 obj\n");
            object++;
        }
        assertThat(object - 1).as("objects").isEqualTo(5);
        Matcher length = Pattern.compile("<< /Length (\\d+) >>\nstream\n").matcher(text);
        assertThat(length.find()).isTrue();
        assertThat(text.substring(length.end() + Integer.parseInt(length.group(1)))).startsWith("\nendstream");
        assertThat(text).contains("(M\u00fcller \\(Berlin\\) GmbH) Tj");
    }

    @Test
    void charactersBeyondLatin1BecomeQuestionMarks() {
        assertThat(InvoicePdf.escape("東京 \\ ok")).isEqualTo("?? \\\\ ok");
    }
}
