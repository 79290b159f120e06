package org.labelbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/** Round-trip comparison of two datasets read back: same categories, same items in any order. */
public final class SameDataset {

    private SameDataset() {
    }

    /** Same categories, items, annotations and image sizes; image paths may move. */
    public static void assertSame(Datasets.Loaded expected, Datasets.Loaded actual) {
        assertSame(expected, actual, SameDataset::sizeOnly);
    }

    /** Same categories, items and annotations, media aside (for formats that keep no image sizes). */
    public static void assertSameIgnoringMedia(Datasets.Loaded expected, Datasets.Loaded actual) {
        assertSame(expected, actual, item -> item.withMedia(Media.NONE));
    }

    private static void assertSame(Datasets.Loaded expected, Datasets.Loaded actual, UnaryOperator<Item> comparable) {
        assertEquals(expected.categories(), actual.categories(), "categories");
        assertEquals(comparable(expected.items(), comparable), comparable(actual.items(), comparable));
    }

    private static List<Item> comparable(List<Item> items, UnaryOperator<Item> comparable) {
        return items.stream().map(comparable)
                .sorted(Comparator.comparing(Item::subset).thenComparing(Item::id))
                .toList();
    }

    private static Item sizeOnly(Item item) {
        return item.withMedia(item.media().hasSize() ? new Media(null, item.media().width(), item.media().height())
                : Media.NONE);
    }
}
