package org.printmail.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.printmail.files.DurableFiles;
import org.printmail.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's saved mail settings: one JSON snapshot, replaced atomically (write, force,
 * rename) so a power cut leaves the old or the new settings, never a mix. Settings hold no
 * secrets. A file that cannot be read is set aside and the defaults are used.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final List<Consumer<DeviceSettings>> listeners = new CopyOnWriteArrayList<>();
    private volatile DeviceSettings current;
    /** Reads the file, for a store opened lazily; null once read. */
    private Supplier<DeviceSettings> unread;

    private SettingsStore(Path file, DeviceSettings current) {
        this.file = file;
        this.current = current;
    }

    /** Opens the settings file, or starts from {@code defaults} when there is none. */
    public static SettingsStore open(Path file, DeviceSettings defaults) {
        return new SettingsStore(file, read(file, defaults));
    }

    /**
     * Opens the settings without reading them yet: the first {@link #current()} reads the file
     * ({@link SettingsJson}), so the device's boot can open Web Config's listener meanwhile.
     */
    public static SettingsStore openLazily(Path file, DeviceSettings defaults) {
        SettingsStore s = new SettingsStore(file, null);
        s.unread = () -> read(file, defaults);
        return s;
    }

    private static DeviceSettings read(Path file, DeviceSettings defaults) {
        DeviceSettings loaded = defaults;
        if (Files.exists(file)) {
            try {
                loaded = SettingsJson.read(Files.readAllBytes(file)).validate();
            } catch (IOException | RuntimeException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
                LOG.warn("Settings file {} unreadable ({}); set aside as {}, using defaults",
                        file.getFileName(), e.getClass().getSimpleName(), aside.getFileName());
                try {
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // Keep running on defaults; the next save overwrites the bad file.
                }
            }
        }
        return loaded;
    }

    public DeviceSettings current() {
        DeviceSettings c = current;
        return c != null ? c : readOnce();
    }

    private synchronized DeviceSettings readOnce() {
        if (current == null) {
            current = unread.get();
            unread = null;
        }
        return current;
    }

    /** Validates and durably saves the change, then notifies listeners. The old state stays on error. */
    public synchronized DeviceSettings update(UnaryOperator<DeviceSettings> change) {
        DeviceSettings next = change.apply(current()).validate();
        write(next);
        current = next;
        listeners.forEach(l -> l.accept(next));
        return next;
    }

    public void addListener(Consumer<DeviceSettings> listener) { listeners.add(listener); }

    private void write(DeviceSettings s) {
        try {
            DurableFiles.replace(file, SettingsJson.write(s));
        } catch (IOException e) {
            throw new ConfigException(Text.of("config.field.settings"),
                    Text.of("config.problem.cannotSave", e.getClass().getSimpleName()));
        }
    }
}
