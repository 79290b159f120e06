package org.labelbridge.convert;

/**
 * What a conversion does with an item whose image the input lacks (deleted frames, partial
 * exports). CVAT and Datumaro import such items, so by default they are kept, with their size
 * where the annotations give one, and reported.
 */
public enum MissingImagePolicy implements OptionValues.Choice {

    /** The item is written without its image and listed in the report. */
    KEEP("keep"),
    /** The item is left out and listed in the report. */
    SKIP("skip"),
    /** The first such item fails the conversion, naming it. */
    FAIL("fail");

    private final String id;

    MissingImagePolicy(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
