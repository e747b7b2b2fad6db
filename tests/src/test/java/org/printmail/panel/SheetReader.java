package org.printmail.panel;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.printmail.i18n.Messages;

/**
 * Reads a status sheet back as a person and a machine would: its text, its fonts, its image. Public
 * for the firmware image test (package device), which reads the sheet the image printed.
 */
public final class SheetReader {
    static final Path IMAGES = Path.of("tests/target/status-sheet").toAbsolutePath();

    private SheetReader() { }

    /**
     * The text in reading order, one line per sheet line: PDFBox turns the visual order of
     * right-to-left runs back into logical order; NFKC folds Arabic presentation forms (the
     * shaped glyphs) back into letters; marks and isolates are dropped.
     */
    public static List<String> lines(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<String> out = new ArrayList<>();
            for (String line : stripper.getText(d).split("\\R")) {
                String l = plain(line).strip();
                if (!l.isEmpty()) {
                    out.add(l);
                }
            }
            return out;
        }
    }

    /** A catalogue rendering as the sheet's text reads back: NFKC, no marks, no isolates. */
    public static String plain(String s) {
        return Normalizer.normalize(Messages.stripDirectionalControls(s), Normalizer.Form.NFKC)
                .replace("\u200E", "").replace("\u200F", "");
    }

    /** The fonts of the first page. */
    public static List<PDFont> fonts(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDPage page = d.getPage(0);
            List<PDFont> out = new ArrayList<>();
            for (COSName n : page.getResources().getFontNames()) {
                out.add(page.getResources().getFont(n));
            }
            return out;
        }
    }

    /** The first page at 100 dpi, also saved as {@code tests/target/status-sheet/<name>.png}. */
    static BufferedImage image(Path pdf, String name) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            BufferedImage img = new PDFRenderer(d).renderImageWithDPI(0, 100);
            Files.createDirectories(IMAGES);
            ImageIO.write(img, "png", IMAGES.resolve(name + ".png").toFile());
            return img;
        }
    }

    /** Dark pixels in columns [from, to) of the image. */
    static int ink(BufferedImage img, int fromX, int toX) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (lum < 3 * 128) {
                    n++;
                }
            }
        }
        return n;
    }
}
