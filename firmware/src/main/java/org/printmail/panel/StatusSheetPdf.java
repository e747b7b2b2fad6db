package org.printmail.panel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the network status sheet as a plain-text PDF (one or more A4 pages, Helvetica). The sheet
 * is a few dozen lines of text, so a minimal PDF writer costs less on the device than a PDF
 * library; text is restricted to printable ASCII and escaped for PDF string syntax.
 */
public final class StatusSheetPdf {
    private static final int LINES_PER_PAGE = 60;

    private StatusSheetPdf() { }

    public static void write(Path file, String title, List<String> lines) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        for (int i = 0; i < Math.max(1, lines.size()); i += LINES_PER_PAGE) {
            pages.add(lines.subList(Math.min(i, lines.size()), Math.min(i + LINES_PER_PAGE, lines.size())));
        }
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int p = 0; p < pages.size(); p++) {
            kids.append(4 + 2 * p).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages.size() + " >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        for (int p = 0; p < pages.size(); p++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
                    + " /Contents " + (5 + 2 * p) + " 0 R >>");
            String content = pageContent(p == 0 ? title : title + " (page " + (p + 1) + ")", pages.get(p));
            objects.add("<< /Length " + content.getBytes(StandardCharsets.US_ASCII).length + " >>\nstream\n"
                    + content + "\nendstream");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.write(((i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n").getBytes(StandardCharsets.US_ASCII));
        }
        int xref = out.size();
        StringBuilder tail = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int off : offsets) {
            tail.append(String.format("%010d 00000 n \n", off));
        }
        tail.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.write(tail.toString().getBytes(StandardCharsets.US_ASCII));
        Files.write(file, out.toByteArray());
    }

    private static String pageContent(String title, List<String> lines) {
        StringBuilder s = new StringBuilder("BT\n/F1 14 Tf\n50 800 Td\n(").append(escape(title)).append(") Tj\n");
        s.append("/F1 9 Tf\n0 -22 Td\n12 TL\n");
        for (String line : lines) {
            s.append('(').append(escape(line)).append(") '\n");
        }
        return s.append("ET").toString();
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 32 && c < 127) {
                sb.append(c);
            } else {
                sb.append('?');
            }
        }
        return sb.toString();
    }
}
