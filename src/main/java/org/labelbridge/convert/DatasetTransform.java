package org.labelbridge.convert;

import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * One step between the reader and the fit to the target, asked for by an option: it sees the
 * categories once, then every item in reading order. What it drops or changes it reports.
 */
interface DatasetTransform {

    /** The categories the items refer to after this step; called once, before any item. */
    Categories begin(Categories categories);

    /** The item after this step, or null when the step leaves it out (and has reported why). */
    Item apply(Item item);

    /** Called after the last item: notes about what the options named but the dataset lacked. */
    default void finish() {
    }
}
