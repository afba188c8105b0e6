package dev.arrears.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The invoice as a one-page PDF, written the way a ledger's "download PDF" gives it: a real PDF 1.4
 * file (catalogue, page, Helvetica text, cross-reference table with exact offsets) that any reader
 * opens, generated from the invoice's current state, so a reminder's attachment shows the amount
 * due of the day it was fetched.
 */
final class InvoicePdf {

    private InvoicePdf() {
    }

    /** Must be called under the organisation's lock. */
    static byte[] of(Org o, Invoice inv) {
        int digits = o.country.currencyDigits();
        List<String> lines = new ArrayList<>();
        lines.add(o.name);
        lines.add("");
        lines.add("INVOICE " + o.number(inv));
        lines.add("To: " + inv.customer.name);
        lines.add("Issued: " + LocalDate.ofEpochDay(inv.issueDay) + "    Due: " + LocalDate.ofEpochDay(inv.dueDay));
        lines.add("");
        lines.add("Total:      " + inv.currency + " " + SandboxJson.money(inv.totalMinor, digits).toPlainString());
        lines.add("Paid:       " + inv.currency + " " + SandboxJson.money(inv.paidMinor, digits).toPlainString());
        lines.add("Amount due: " + inv.currency + " " + SandboxJson.money(inv.dueMinor(), digits).toPlainString());
        return document(lines);
    }

    /** A one-page A4 document showing the lines, the first one larger. */
    static byte[] document(List<String> lines) {
        StringBuilder content = new StringBuilder("BT\n/F1 16 Tf\n56 780 Td\n");
        for (int i = 0; i < lines.size(); i++) {
            if (i == 1) {
                content.append("/F1 11 Tf\n");
            }
            content.append(i == 0 ? "" : "0 -18 Td\n").append('(').append(escape(lines.get(i))).append(") Tj\n");
        }
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> objects = List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                        + "/Contents 4 0 R >>"),
                concat(ascii("<< /Length " + stream.length + " >>\nstream\n"), stream, ascii("\nendstream")),
                ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.4\n"));
        out.writeBytes(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});   // marks the file as binary
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }

    /** A PDF string literal: backslash and parentheses escaped; outside Latin-1 (WinAnsi's reach) becomes '?'. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0xFF || (c >= 0x7F && c < 0xA0)) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
