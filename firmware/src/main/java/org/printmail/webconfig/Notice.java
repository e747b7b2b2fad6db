package org.printmail.webconfig;

/** A message box on a page: what happened and, for problems, what to do. */
record Notice(Kind kind, String text, String remedy) {
    enum Kind { INFO, WARNING, ERROR }

    static Notice info(String text) { return new Notice(Kind.INFO, text, ""); }

    static Notice warning(String text, String remedy) { return new Notice(Kind.WARNING, text,
            remedy); }

    static Notice error(String text, String remedy) { return new Notice(Kind.ERROR, text, remedy); }
}
