package org.printmail.auth;

/** What a signed-in account is used for on the device. */
public enum AccountPurpose {
    /** The device's own mailbox: scan-to-email, alert notifications, status reports. */
    DEVICE_MAIL,
    /** The fax server's own email server settings and sign-in. */
    FAX_SERVER,
    /** One user's own mailbox for Scan to My Email. */
    USER_MAILBOX
}
