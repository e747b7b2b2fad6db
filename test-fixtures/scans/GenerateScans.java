import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Regenerates the scan fixtures (a one-page "scanned" A4 page as JPEG, TIFF and an image PDF).
 * Run: java test-fixtures/scans/GenerateScans.java test-fixtures/scans
 */
public class GenerateScans {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        BufferedImage page = new BufferedImage(620, 877, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 620, 877);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 28));
        g.drawString("printmail test scan", 60, 100);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 16));
        for (int i = 0; i < 30; i++) {
            g.drawString("Line " + (i + 1) + ": the quick brown fox jumps over the lazy dog.", 60, 160 + i * 22);
        }
        g.dispose();
        ImageIO.write(page, "jpg", dir.resolve("sample-scan.jpg").toFile());
        ImageIO.write(page, "tiff", dir.resolve("sample-scan.tiff").toFile());
        byte[] jpeg = Files.readAllBytes(dir.resolve("sample-scan.jpg"));
        Files.write(dir.resolve("sample-scan.pdf"), pdf(jpeg, 620, 877));
    }

    static byte[] pdf(byte[] jpeg, int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] off = new int[6];
        out.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        String content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
        String[] objs = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
            null,
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
        };
        for (int i = 0; i < 5; i++) {
            off[i] = out.size();
            out.write(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
            if (i == 3) {
                out.write(("<< /Type /XObject /Subtype /Image /Width " + w + " /Height " + h
                        + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length " + jpeg.length
                        + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
                out.write(jpeg);
                out.write("\nendstream".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(objs[i].getBytes(StandardCharsets.US_ASCII));
            }
            out.write("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        }
        int xref = out.size();
        StringBuilder t = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
        for (int i = 0; i < 5; i++) {
            t.append(String.format("%010d 00000 n \n", off[i]));
        }
        t.append("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.write(t.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
