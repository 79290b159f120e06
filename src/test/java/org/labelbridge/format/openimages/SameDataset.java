package org.labelbridge.format.openimages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.testing.Datasets;

/** Round-trip comparison: same categories, items, annotations and image sizes; image paths may move. */
final class SameDataset {

    private SameDataset() {
    }

    static void assertSame(Datasets.Loaded expected, Datasets.Loaded actual) {
        assertEquals(expected.categories(), actual.categories(), "categories");
        assertEquals(comparable(expected.items()), comparable(actual.items()));
    }

    static List<Item> comparable(List<Item> items) {
        return items.stream()
                .map(i -> i.withMedia(i.media().hasSize() ? new Media(null, i.media().width(), i.media().height()) : Media.NONE))
                .sorted(Comparator.comparing(Item::subset).thenComparing(Item::id))
                .toList();
    }
}
