package org.printmail.webconfig;

import io.nayuki.qrcodegen.QrCode;
import org.printmail.i18n.Messages;

/**
 * The verification link as a QR code, drawn as inline SVG so the page needs no image request and
 * no script. The path data holds only numbers, and still goes through the attribute encoder.
 */
final class QrSvg {
    private static final int BORDER = 4;

    private QrSvg() { }

    /** The QR code, labelled for screen readers in the page's language. */
    static void render(Html h, String text, String id, Messages m) {
        String label = m.text("webpages.qr.label");
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    d.append('M').append(x + BORDER).append(',').append(y
                            + BORDER).append("h1v1h-1z");
                }
            }
        }
        h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewbox", "0 0 " + size + " " + size,
                "width", "180", "height", "180", "id", id, "role", "img", "aria-label", label);
        h.empty("rect", "width", "100%", "height", "100%", "fill", "#ffffff").close("rect");
        h.empty("path", "d", d.toString(), "fill", "#000000").close("path");
        h.close("svg");
    }
}
