package org.printmail.panel;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code of the sign-in link drawn with Unicode half blocks, two modules per character cell,
 * with the quiet zone the standard asks for, so a phone can scan it off a terminal.
 */
public final class TerminalQr {
    private TerminalQr() { }

    public static String render(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 2;
        int size = qr.size;
        StringBuilder sb = new StringBuilder();
        for (int y = -border; y < size + border; y += 2) {
            for (int x = -border; x < size + border; x++) {
                boolean top = dark(qr, x, y);
                boolean bottom = dark(qr, x, y + 1);
                // Light background, dark modules: print the light parts as blocks.
                sb.append(!top && !bottom ? '█' : !top ? '▀' : !bottom ? '▄' : ' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static boolean dark(QrCode qr, int x, int y) {
        return x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.getModule(x, y);
    }
}
