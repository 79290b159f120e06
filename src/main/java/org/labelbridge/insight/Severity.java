package org.labelbridge.insight;

/** How much a finding matters: an error fails {@code labelbridge validate}; the others are told. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case name reports use. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
