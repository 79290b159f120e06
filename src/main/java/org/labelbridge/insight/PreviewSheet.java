package org.labelbridge.insight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Format;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * A preview of a written dataset: its own reader reads it back (so the picture shows what was
 * written, not what was meant), a {@link PreviewPicker} chooses the items, and only their
 * images are decoded (JPEG, PNG, BMP, GIF through ImageIO; anything else, or a missing image,
 * gives a blank canvas of the item's size) and drawn into one {@link ContactSheet} PNG.
 *
 * @param png    the contact sheet
 * @param items  the items drawn, {@code subset/id}
 * @param legend the labels drawn and their colours, {@code #rrggbb}
 * @param error  why no sheet was drawn (then {@code png} is empty), or null
 */
public record PreviewSheet(byte[] png, int width, int height, List<String> items, Map<String, String> legend,
                           String error) {

    /** A preview that could not be drawn, and why: the conversion it belongs to stands. */
    public static PreviewSheet failed(String why) {
        return new PreviewSheet(new byte[0], 0, 0, List.of(), Map.of(), why);
    }

    /** {@code items}, {@code legend}, size, or {@code error}: what the report says of it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        if (error != null) {
            map.put("error", error);
            return map;
        }
        map.put("width", width);
        map.put("height", height);
        map.put("items", items);
        map.put("legend", legend);
        return map;
    }

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Reads the dataset at {@code root} with {@code format}'s reader and draws {@code count} of
     * its items, those named in {@code flagged} among them where there are any.
     */
    public static PreviewSheet draw(Format format, DatasetSource root, int count, Set<String> flagged)
            throws IOException {
        PreviewPicker picker = new PreviewPicker(count, flagged);
        Categories categories;
        try (DatasetReader reader = format.reader(root, Problems.IGNORE)) {
            categories = reader.categories();
            for (Item item = reader.next(); item != null; item = reader.next()) {
                picker.accept(item);
            }
        }
        List<ContactSheet.Tile> tiles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Item item : picker.picked()) {
            tiles.add(new ContactSheet.Tile(item, decode(root, item), flagged.contains(item.id())));
            names.add(Item.DEFAULT_SUBSET.equals(item.subset()) ? item.id() : item.subset() + "/" + item.id());
        }
        ContactSheet sheet = new ContactSheet(categories);
        BufferedImage image = sheet.draw(tiles);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return new PreviewSheet(png.toByteArray(), image.getWidth(), image.getHeight(), List.copyOf(names),
                java.util.Collections.unmodifiableMap(sheet.legend()), null);
    }

    /** The item's image, or null when the dataset lacks it or ImageIO cannot read it. */
    private static BufferedImage decode(DatasetSource root, Item item) {
        String path = item.media().path();
        if (path == null || !root.exists(path)) {
            return null;
        }
        try (InputStream in = root.open(path)) {
            return ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            return null; // drawn on a blank canvas instead: the preview must not fail a conversion
        }
    }
}
