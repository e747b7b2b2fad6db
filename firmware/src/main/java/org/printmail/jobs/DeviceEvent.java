package org.printmail.jobs;

import org.printmail.i18n.Text;

/** Device events that can send an email alert notification to their configured recipients. */
public enum DeviceEvent {
    PAPER_OUT("Paper out"),
    PAPER_JAM("Paper jam"),
    TONER_LOW("Toner/ink low"),
    TONER_OUT("Toner/ink out"),
    COVER_OPEN("Cover open"),
    SERVICE_REQUIRED("Service required"),
    MAINTENANCE_BOX_FULL("Maintenance box full");

    private final String displayName;

    DeviceEvent(String displayName) { this.displayName = displayName; }

    public String displayName() { return displayName; }

    /** The name, in any language ({@code jobs.event.<name>}). */
    public Text displayNameText() { return Text.of("jobs.event." + name().toLowerCase(java.util.Locale.ROOT)); }
}
