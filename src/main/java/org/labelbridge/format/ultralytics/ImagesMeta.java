package org.labelbridge.format.ultralytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.ImageHeaders;

/**
 * Datumaro's {@code images.meta}: {@code <item id> <height> <width>} per line, the sizes of
 * images that are not in the dataset, so that fractions can still be turned into pixels. Keyed
 * by item id alone, as Datumaro keys it.
 */
final class ImagesMeta {

    static final ImagesMeta NONE = new ImagesMeta(Map.of());

    private final Map<String, ImageHeaders.Size> sizes;

    private ImagesMeta(Map<String, ImageHeaders.Size> sizes) {
        this.sizes = sizes;
    }

    static ImagesMeta read(DatasetSource source, String path) throws IOException {
        Map<String, ImageHeaders.Size> sizes = new HashMap<>();
        String file = source.describe(path);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.open(path), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] fields = text.split("\\s+");
                if (fields.length < 3 || !fields[fields.length - 1].matches("\\d{1,9}")
                        || !fields[fields.length - 2].matches("\\d{1,9}")) {
                    throw FormatException.at(file, "line " + number, "expected '<item id> <height> <width>', got '"
                            + text + "'");
                }
                int height = Integer.parseInt(fields[fields.length - 2]);
                int width = Integer.parseInt(fields[fields.length - 1]);
                if (height == 0 || width == 0) {
                    throw FormatException.at(file, "line " + number, "an image size must be positive, got '"
                            + text + "'");
                }
                String id = text.substring(0, text.length() - fields[fields.length - 1].length()).strip();
                id = id.substring(0, id.length() - fields[fields.length - 2].length()).strip();
                sizes.put(id, new ImageHeaders.Size(width, height));
            }
        }
        return new ImagesMeta(sizes);
    }

    /** The size given for the item, or {@code null}. */
    ImageHeaders.Size size(String itemId) {
        return sizes.get(itemId);
    }

    static String line(String itemId, int width, int height) {
        return itemId + " " + height + " " + width + "\n";
    }
}
