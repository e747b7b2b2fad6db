package org.printmail.device;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import org.printmail.time.MonotonicClock;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailService;
import org.printmail.config.ProfileLoader;
import org.printmail.config.SettingsStore;
import org.printmail.trust.DeviceTrustStore;
import org.printmail.webconfig.WebConfigBackend;
import org.printmail.webconfig.WebConfigOptions;
import org.printmail.webconfig.WebConfigServer;
import org.printmail.webconfig.WebConfigStart;

/**
 * {@code printmail device} as it is assembled: the device booted with one firmware profile and
 * Web Config in front of it. The boot profile serves its email service everywhere: Sign In,
 * every refresh and every save from Web Config, even where the saved settings still name a
 * built-in profile of the same service (a vendor, national-cloud or integrator profile must not
 * be swapped for {@code exchange-online} behind the administrator's back).
 *
 * <p>Start-up order (docs/architecture.md, "Start-up"): Web Config's TLS context loads on a
 * thread of its own while the calling thread reads the profiles and builds the pages; the
 * listener opens first, on the calling thread; then the device's parts (settings, vault, accounts, sender, outbox, job
 * log) load on a boot thread; a page that needs a part before then waits for it.
 */
public final class ProductionDevice implements AutoCloseable {
    /** The built-in profile of each email service the device offers besides the boot profile's. */
    static final Map<EmailService, String> BUILT_IN = Map.of(
            EmailService.EXCHANGE_ONLINE, "exchange-online",
            EmailService.OUTLOOK_COM, "outlook-com");

    private final DeviceBoot device;
    private final WebConfigServer web;
    private final DeviceProfile profile;

    private ProductionDevice(DeviceBoot device, WebConfigServer web, DeviceProfile profile) {
        this.device = device;
        this.web = web;
        this.profile = profile;
    }

    /**
     * @param root    the install root holding {@code firmware-config/}
     * @param profile the boot profile's name ({@code --profile})
     */
    public static ProductionDevice start(Path root, String profile, Device.Options options,
                                         WebConfigOptions web) throws IOException {
        // The device certificate loads on its own thread meanwhile (the other core).
        WebConfigStart webStart = WebConfigStart.begin(web);
        DeviceProfile first = ProfileLoader.load(root, profile);
        Map<EmailService, DeviceProfile> services = services(root, first);
        Function<String, DeviceProfile> byName = resolver(root, first, services);
        SettingsStore settings = Device.lazySettings(options, first);
        DeviceTrustStore cas = Device.caCertificates(options);
        DeviceBoot device = DeviceBoot.notBegun();
        WebConfigServer server = webStart.listen(new WebConfigBackend(device.accounts(),
                device.jobs(), settings, cas, services,
                id -> Device.profileFor(id, settings.current(), byName), options.clock(),
                MonotonicClock.SYSTEM, device.proxyPassword()));
        // Listening: the parts load now, on their own thread, leaving the first pages the CPU.
        device.begin(() -> {
            settings.current(); // read here, not on a page's thread
            return Device.start(options, byName, settings, cas);
        });
        return new ProductionDevice(device, server, first);
    }

    /** The boot profile for its own service; the built-in files for the other services. */
    static Map<EmailService, DeviceProfile> services(Path root, DeviceProfile first) {
        Map<EmailService, DeviceProfile> m = new EnumMap<>(EmailService.class);
        BUILT_IN.forEach((service, name) -> {
            if (service != first.service()) {
                m.put(service, ProfileLoader.load(root, name));
            }
        });
        m.put(first.service(), first);
        return m;
    }

    /**
     * The profile a saved settings name stands for: the boot profile for its own name and for any
     * profile of its service (settings saved before this boot), the named file otherwise.
     */
    static Function<String, DeviceProfile> resolver(Path root, DeviceProfile first,
                                                    Map<EmailService, DeviceProfile> services) {
        return name -> {
            if (name.equals(first.name())) {
                return first;
            }
            DeviceProfile named = ProfileLoader.load(root, name);
            return named.service() == first.service() ? first
                    : services.getOrDefault(named.service(), named);
        };
    }

    /**
     * The device, once its parts have loaded (Web Config is already listening); a boot that
     * failed throws here what it threw.
     */
    public Device device() { return device.await(); }

    public WebConfigServer web() { return web; }

    /** The boot profile. */
    public DeviceProfile profile() { return profile; }

    @Override
    public void close() {
        web.close();
        device.whenBooted(Device::close); // at once, or when a boot still running ends
    }
}
