/**
 * Time as the device measures it: {@link org.printmail.time.MonotonicClock} for durations (a
 * wall-clock step by NTP breaks none), {@link org.printmail.time.Sleeper} for waits that tests
 * step instead of sleeping. Depends on nothing else in printmail.
 */
package org.printmail.time;
