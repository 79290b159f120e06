package org.labelbridge.convert;

/**
 * What a conversion does with bad content ({@link ContentChecks}): stop, or leave the bad
 * annotation or item out and list it in the report. Never a silent fix.
 */
public enum ProblemPolicy implements OptionValues.Choice {

    /** The first problem fails the conversion, naming the item and annotation. */
    FAIL("fail"),
    /** The bad annotation (or, for an item's own problem, the item) is left out and listed in the report. */
    SKIP("skip");

    private final String id;

    ProblemPolicy(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** The id, as users write it. */
    @Override
    public String toString() {
        return id;
    }
}
