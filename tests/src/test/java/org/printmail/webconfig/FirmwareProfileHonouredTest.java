package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.auth.AccountState;
import org.printmail.auth.AuthOptions;
import org.printmail.device.Device;
import org.printmail.device.ProductionDevice;
import org.printmail.jobs.JobsOptions;
import org.printmail.lab.AdjustableClock;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabIdentityPlatform;
import org.printmail.lab.LabUsers;
import org.printmail.smtp.SenderOptions;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;

/**
 * {@code printmail device --profile vendor-cloud} as it is assembled, with a profile file the test
 * writes: another authority, tenant and client id. A second lab identity platform stands in for
 * login.microsoftonline.com (the built-in profiles are rewritten to point at it), so anything that
 * falls back to a built-in profile is counted instead of failing somewhere on the network.
 */
class FirmwareProfileHonouredTest {
    private static final String VENDOR_CLIENT_ID = "7a1d0c55-0000-4000-8000-00000000fab1";
    private static final String VENDOR_TENANT = "fabrikam.example";
    private static final String BASIC = "/network/email-server";

    @TempDir
    Path root;
    @TempDir
    Path dataDir;

    private final AdjustableClock clock = AdjustableClock.startingAt("2026-11-28T08:00:00Z");
    private LabIdentityPlatform vendor;
    private LabIdentityPlatform microsoft;
    private ProductionDevice device;

    @BeforeEach
    void writeProfiles() throws IOException {
        vendor = LabIdentityPlatform.start(LabIdentityOptions.defaults(DeviceRig.ROOT, clock)
                .withClientId(VENDOR_CLIENT_ID));
        vendor.addKnownTenant(VENDOR_TENANT);
        microsoft = LabIdentityPlatform.start(LabIdentityOptions.defaults(DeviceRig.ROOT, clock));
        Path config = Files.createDirectories(root.resolve("firmware-config"));
        String ca = "trust.ca-file=" + WebConfigRig.TEST_CA.toString().replace('\\', '/') + "\n";
        Files.writeString(config.resolve("vendor-cloud.properties"), "email.service=EXCHANGE_ONLINE\n"
                + "auth.authority=" + vendor.authorityBase() + "\n"
                + "auth.tenant=" + VENDOR_TENANT + "\n"
                + "auth.client-id=" + VENDOR_CLIENT_ID + "\n"
                + "auth.scopes=https://outlook.office.com/SMTP.Send"
                + " offline_access\nauth.http-timeout-seconds=5\nsmtp.host=localhost\nsmtp.port=10587\n" + ca);
        for (String builtIn : new String[] {"exchange-online", "outlook-com"}) {
            String text = Files.readString(DeviceRig.ROOT.resolve("firmware-config/" + builtIn + ".properties"))
                    .replace("https://login.microsoftonline.com", microsoft.authorityBase().toString());
            Files.writeString(config.resolve(builtIn + ".properties"), text + "\n" + ca);
        }
    }

    @AfterEach
    void stop() {
        if (device != null) {
            device.close();
        }
        vendor.close();
        microsoft.close();
    }

    private void boot(String profile) throws IOException {
        AuthOptions auth = AuthOptions.defaults().withKeepAliveCheckEvery(Duration.ZERO).withSleeper(d -> {
            clock.advance(d);
            Thread.sleep(5);
        });
        Device.Options o = new Device.Options(dataDir, clock, auth,
                SenderOptions.defaults().withTime(clock, clock::advance),
                JobsOptions.defaults(dataDir).withWorker(false));
        device = ProductionDevice.start(root, profile, o, WebConfigRig.options(dataDir));
    }

    private HttpsAdmin admin() throws Exception {
        return HttpsAdmin.loggedIn(device.web().baseUri());
    }

    private static Map<String, String> form(HttpsAdmin admin, String action) throws Exception {
        Map<String, String> f = new HashMap<>(Map.of("action", action, "authMethod", "OAUTH2",
                "service", "EXCHANGE_ONLINE", "sender", "", "tenant", "", "smtpHost", "localhost",
                "smtpPort", "10587", "security", "STARTTLS", "certValidation", "enable"));
        f.put("csrf", admin.csrf(BASIC));
        return f;
    }

    private void signInThroughWebConfig(HttpsAdmin admin) throws Exception {
        assertEquals(303, admin.post(BASIC, form(admin, "signin")).statusCode());
        admin.post(BASIC + "/sign-in/start", Map.of("csrf", admin.csrf(BASIC + "/sign-in")));
        String userCode = vendor.latestUserCode().orElseThrow(() -> new AssertionError(
                "the profile's authority received no device-code request; Microsoft's received "
                        + microsoft.deviceCodeRequests()));
        vendor.approve(userCode, LabUsers.ADMIN);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (device.device().accounts().status(AccountId.deviceMail()).state() != AccountState.SIGNED_IN) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not signed in: " + device.device().accounts().status(AccountId.deviceMail()));
            }
            Thread.sleep(20);
        }
    }

    private void assertNothingWentToMicrosoft() {
        assertEquals(0, microsoft.deviceCodeRequests(), "device-code requests to the built-in authority");
        assertEquals(Map.of(), microsoft.tokenRequestCounts(), "token requests to the built-in authority");
    }

    @Test
    void aVendorProfileDrivesSignInRefreshAndEverySaveFromWebConfig() throws Exception {
        boot("vendor-cloud");
        HttpsAdmin admin = admin();
        // Values are isolated (<bdi>) in their sentences; the sentences are what is tested here.
        String basic = HttpsAdmin.withoutIsolates(admin.get(BASIC).body());
        assertTrue(basic.contains("id=\"firmware-profile\">vendor-cloud<"), basic);
        assertTrue(basic.contains(vendor.authorityBase() + " (tenant " + VENDOR_TENANT), basic);
        assertTrue(HttpsAdmin.withoutIsolates(admin.get(LoginPage.HOME).body())
                .contains("vendor-cloud: " + vendor.authorityBase()),
                "Status names the profile and authority in force");

        signInThroughWebConfig(admin);
        assertEquals(1, vendor.deviceCodeRequests());
        assertTrue(vendor.tokenRequests(LabIdentityPlatform.DEVICE_CODE_GRANT) >= 1);
        assertEquals(VENDOR_TENANT, device.device().vault().find(AccountId.deviceMail().vaultKey()).orElseThrow().tenant());

        device.device().accounts().forceRefresh(AccountId.deviceMail());
        assertEquals(1, vendor.tokenRequests(LabIdentityPlatform.REFRESH_GRANT));

        assertEquals(303, admin.post(BASIC, form(admin, "ok")).statusCode());
        assertEquals("vendor-cloud", device.device().settings().current().deviceMail().profile(),
                "OK keeps the boot profile, not exchange-online");
        device.device().accounts().forceRefresh(AccountId.deviceMail());
        assertEquals(2, vendor.tokenRequests(LabIdentityPlatform.REFRESH_GRANT));
        assertNothingWentToMicrosoft();
    }

    @Test
    void settingsSavedUnderTheBuiltInProfileFollowTheVendorProfileTheDeviceNowBootsWith() throws Exception {
        boot("exchange-online");
        device.close();
        device = null;
        boot("vendor-cloud");
        assertTrue(admin().get(BASIC).body().contains("id=\"firmware-profile\">vendor-cloud<"));
        signInThroughWebConfig(admin());
        device.device().accounts().forceRefresh(AccountId.deviceMail());
        assertEquals(1, vendor.tokenRequests(LabIdentityPlatform.REFRESH_GRANT));
        assertNothingWentToMicrosoft();
    }
}
