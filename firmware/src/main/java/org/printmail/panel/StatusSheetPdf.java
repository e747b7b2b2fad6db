package org.printmail.panel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;

/**
 * Writes the network status sheet as a PDF in the device language (A4, as many pages as the
 * lines need). OpenPDF does the typesetting a hand-written writer cannot: it joins Arabic letters
 * (shaping), orders right-to-left runs with the Unicode bidi algorithm, and embeds only the
 * glyphs used from DejaVu Sans (a subset with {@code IDENTITY_H}), which has Latin and Arabic.
 * A line's leading spaces become its indent, on the start side of the reading direction.
 */
public final class StatusSheetPdf {
    private static final String FONT = "/fonts/DejaVuSans.ttf";
    private static final float TITLE_SIZE = 14f;
    private static final float LINE_SIZE = 9f;
    private static final float INDENT_PER_SPACE = 6f;
    /** Left-to-right and right-to-left embeddings and their end (UAX #9 explicit embeddings). */
    private static final char LRE = '\u202A';
    private static final char RLE = '\u202B';
    private static final char PDF = '\u202C';
    private static final char LRM = '\u200E';
    private static final char RLM = '\u200F';
    private static final char LRI = '\u2066';
    private static final char RLI = '\u2067';

    private static volatile BaseFont font;

    private StatusSheetPdf() { }

    /** An English sheet (the language of the sheets before the device had a language setting). */
    public static void write(Path file, String title, List<String> lines) throws IOException {
        write(file, Language.ENGLISH, title, lines);
    }

    /** A sheet in {@code language}: right-aligned and right-to-left for Arabic. */
    public static void write(Path file, Language language, String title, List<String> lines)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Document doc = new Document(PageSize.A4, 50, 50, 42, 42);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCompressionLevel(9);
            doc.addTitle(title);
            doc.open();
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.tag()));
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100);
            table.setHeaderRows(0);
            boolean rtl = language.isRightToLeft();
            table.setRunDirection(rtl
                    ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
            table.addCell(cell(embeddings(title, rtl), new Font(font(), TITLE_SIZE), rtl, 0, 12f));
            Font body = new Font(font(), LINE_SIZE);
            for (String line : lines) {
                int indent = line.length() - line.stripLeading().length();
                table.addCell(cell(embeddings(line.strip(), rtl), body, rtl, indent * INDENT_PER_SPACE, 1.5f));
            }
            doc.add(table);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("status sheet not written: " + e.getMessage(), e);
        }
    }

    private static PdfPCell cell(String text, Font f, boolean rightToLeft, float indent,
                                 float paddingBottom) {
        PdfPCell c = new PdfPCell(new Phrase(text, f));
        c.setBorder(PdfPCell.NO_BORDER);
        // In a right-to-left table OpenPDF mirrors the alignment (ALIGN_LEFT is the start side,
        // the right) but not the padding: the indent goes on the start side here.
        c.setHorizontalAlignment(Element.ALIGN_LEFT);
        c.setPaddingLeft(rightToLeft ? 0 : indent);
        c.setPaddingRight(rightToLeft ? indent : 0);
        c.setPaddingTop(0);
        c.setPaddingBottom(paddingBottom);
        return c;
    }

    /**
     * The catalogue isolates values with FSI ... PDI (Unicode 6.3); OpenPDF's bidi algorithm
     * predates isolates. Each isolate becomes the embedding of its own direction (LRE or RLE ...
     * PDF) between two marks of the line's direction (LRM or RLM), which behaves as an isolate
     * does: an address or host stays in one piece, and the punctuation beside it keeps to the
     * sentence around it.
     */
    static String embeddings(String text, boolean rightToLeft) {
        char mark = rightToLeft ? RLM : LRM;
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == Messages.FSI) {
                sb.append(mark).append(firstStrongIsRightToLeft(text, i + 1) ? RLE : LRE);
            } else if (c == LRI) {
                sb.append(mark).append(LRE);
            } else if (c == RLI) {
                sb.append(mark).append(RLE);
            } else if (c == Messages.PDI) {
                sb.append(PDF).append(mark);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean firstStrongIsRightToLeft(String text, int from) {
        for (int i = from; i < text.length() && text.charAt(i) != Messages.PDI; i++) {
            byte d = Character.getDirectionality(text.charAt(i));
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
    }

    /** DejaVu Sans, read once; each document embeds its own subset of it. */
    private static BaseFont font() throws IOException {
        BaseFont f = font;
        if (f == null) {
            try (InputStream in = StatusSheetPdf.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("font " + FONT + " missing from the firmware");
                }
                f = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        false, in.readAllBytes(), null);
            } catch (DocumentException e) {
                throw new IOException("font " + FONT + " unreadable: " + e.getMessage(), e);
            }
            font = f;
        }
        return f;
    }
}
