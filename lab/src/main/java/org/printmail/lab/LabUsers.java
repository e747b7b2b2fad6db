package org.printmail.lab;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lab tenant's directory: TEST-ONLY accounts with TEST-ONLY passwords, defined here and
 * nowhere else. They exist only inside a lab identity platform on 127.0.0.1 and protect nothing.
 */
public final class LabUsers {
    /** The lab tenant's verified domain. */
    public static final String TENANT_DOMAIN = "contoso.example";
    /** The lab tenant's id (a GUID, accepted as {tenant} like the domain). */
    public static final String TENANT_ID = "a1ab0000-7e57-4e57-8000-00000000c0de";

    /** Global Administrator: may grant consent on behalf of the organization. */
    public static final String ADMIN = "admin@contoso.example";
    public static final String ADMIN_PASSWORD = "admin-TEST-ONLY-1";
    public static final String ALICE = "alice@contoso.example";
    public static final String ALICE_PASSWORD = "alice-TEST-ONLY-1";
    public static final String BOB = "bob@contoso.example";
    public static final String BOB_PASSWORD = "bob-TEST-ONLY-1";

    /** A directory entry; the password never leaves this class (not in toString either). */
    record User(String upn, boolean admin, byte[] password) {
        @Override
        public String toString() { return "User[" + upn + (admin ? ", admin]" : "]"); }
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();

    LabUsers() {
        add(ADMIN, ADMIN_PASSWORD, true);
        add(ALICE, ALICE_PASSWORD, false);
        add(BOB, BOB_PASSWORD, false);
    }

    void add(String upn, String password, boolean admin) {
        if (upn == null || !upn.contains("@") || upn.isBlank()) {
            throw new IllegalArgumentException("upn: an address like name@contoso.example");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password: must not be empty");
        }
        users.put(key(upn), new User(upn, admin, password.getBytes(StandardCharsets.UTF_8)));
    }

    Optional<User> find(String upn) {
        return upn == null ? Optional.empty() : Optional.ofNullable(users.get(key(upn.strip())));
    }

    /** True when the account exists and the password matches (constant-time compare). */
    boolean passwordMatches(User user, String password) {
        byte[] given = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(user.password(), given);
    }

    static String key(String upn) { return upn.toLowerCase(Locale.ROOT); }
}
