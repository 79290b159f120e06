package org.labelbridge.format.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.testing.Datasets;

/** Round-trip comparison: same labels, same items with the same annotations and attributes. */
public final class SameContent {

    private SameContent() {
    }

    /** Equal up to item order and media (a written dataset keeps its images elsewhere). */
    public static void assertSameDataset(Datasets.Loaded expected, Datasets.Loaded actual) {
        assertEquals(expected.categories(), actual.categories(), "categories");
        assertEquals(withoutMedia(expected.items()), withoutMedia(actual.items()));
    }

    public static List<Item> withoutMedia(List<Item> items) {
        return items.stream().map(i -> i.withMedia(Media.NONE))
                .sorted(Comparator.comparing((Item i) -> i.subset()).thenComparing(Item::id)).toList();
    }
}
