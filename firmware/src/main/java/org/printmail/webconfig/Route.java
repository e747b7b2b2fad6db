package org.printmail.webconfig;

/** One page or action. */
@FunctionalInterface
interface Route {
    Response handle(Request request);
}
