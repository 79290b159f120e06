package org.labelbridge.convert;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a conversion does with bad content ({@link ContentChecks}): stop, or leave the bad
 * annotation or item out and list it in the report. Never a silent fix.
 */
public enum ProblemPolicy {

    /** The first problem fails the conversion, naming the item and annotation. */
    FAIL("fail"),
    /** The bad annotation (or, for an item's own problem, the item) is left out and listed in the report. */
    SKIP("skip");

    private final String id;

    ProblemPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The id, as users write it. */
    @Override
    public String toString() {
        return id;
    }

    static ProblemPolicy of(String option, Object value) {
        if (value instanceof ProblemPolicy policy) {
            return policy;
        }
        for (ProblemPolicy policy : values()) {
            if (policy.id.equals(value)) {
                return policy;
            }
        }
        throw new IllegalArgumentException((option == null ? "" : "option '" + option + "' ") + "must be one of "
                + Arrays.stream(values()).map(ProblemPolicy::id).collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }
}
