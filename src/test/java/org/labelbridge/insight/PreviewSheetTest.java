package org.labelbridge.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.testing.FlawedCoco;
import org.labelbridge.testing.ImageBytes;

/** The preview of a conversion: drawn from the output as written, over its images. */
class PreviewSheetTest {

    @TempDir
    Path dir;

    private static final int IMAGE = 0x102030;

    /** One 200x100 image of one colour with a car box at (20, 30), 100x50, as COCO. */
    private Path oneBox() throws IOException {
        Path coco = dir.resolve("coco");
        Files.createDirectories(coco.resolve("annotations"));
        Files.createDirectories(coco.resolve("images"));
        Files.write(coco.resolve("images/street.png"), ImageBytes.solidPng(200, 100, IMAGE));
        Files.writeString(coco.resolve("annotations/instances_default.json"), """
                {"images": [{"id": 1, "file_name": "street.png", "width": 200, "height": 100}],
                 "categories": [{"id": 1, "name": "car"}, {"id": 2, "name": "bus"}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [20, 30, 100, 50], "area": 5000,
                                  "iscrowd": 0, "segmentation": []}]}
                """);
        return coco;
    }

    @Test
    void theBoxReadBackFromYoloIsDrawnInItsLabelsColourOverTheImage() throws IOException {
        ConversionResult result = convert(oneBox(), "yolo", Map.of("preview", 1));

        PreviewSheet preview = result.preview();
        assertNull(preview.error());
        BufferedImage sheet = ImageIO.read(new ByteArrayInputStream(preview.png()));
        int legendRows = 1;
        assertEquals(2 * ContactSheet.MARGIN + ContactSheet.TILE, sheet.getWidth());
        assertEquals(2 * ContactSheet.MARGIN + ContactSheet.TILE + ContactSheet.CAPTION + ContactSheet.GAP
                + (legendRows + 1) * ContactSheet.LEGEND_ROW, sheet.getHeight());
        assertEquals(sheet.getWidth(), preview.width());

        ContactSheet.Placement p = ContactSheet.placement(0, 1, 200, 100);
        assertEquals(1.28, p.scale(), 1e-9, "200 wide into a 256 tile");
        Color car = ContactSheet.colour(0);
        int middleY = (int) (p.y() + (30 + 25) * p.scale());
        int leftX = (int) Math.floor(p.x() + 20 * p.scale());
        int rightX = (int) Math.floor(p.x() + 120 * p.scale());
        assertEquals(car.getRGB(), sheet.getRGB(leftX, middleY), "the left edge, at x " + leftX);
        assertEquals(car.getRGB(), sheet.getRGB(rightX, middleY), "the right edge, at x " + rightX);
        int topY = (int) Math.floor(p.y() + 30 * p.scale());
        int middleX = (int) (p.x() + 70 * p.scale());
        assertEquals(car.getRGB(), sheet.getRGB(middleX, topY), "the top edge");
        assertEquals(IMAGE, sheet.getRGB(middleX, middleY) & 0xFFFFFF, "inside the box: the image, decoded");
        assertEquals(IMAGE, sheet.getRGB((int) (p.x() + 5), (int) (p.y() + 5)) & 0xFFFFFF, "outside the box too");
        assertEquals(Map.of("car", String.format("#%06x", car.getRGB() & 0xFFFFFF)), preview.legend(),
                "the legend holds the labels drawn, not bus");
        assertEquals(List.of("train/street"), preview.items(), "as YOLO holds it: its default subset is train");
    }

    @Test
    void itemsAreSpreadOverLabelsWithTheFlaggedFirstAndTheSameEveryRun() throws IOException {
        Path coco = FlawedCoco.write(dir.resolve("flawed"));

        ConversionResult first = convert(coco, "datumaro", Map.of("preview", 4));
        ConversionResult again = convert(coco, "datumaro", Map.of("preview", 4));

        List<String> items = first.preview().items();
        assertEquals(4, items.size());
        assertEquals(items, again.preview().items(), "picked the same way on every run");
        assertTrue(items.contains("img1"), "the first item validation flagged: " + items);
        assertTrue(items.contains("img3"), "the only item with label 'rare': " + items);
        assertEquals(List.of("car", "person", "rare"), List.copyOf(first.preview().legend().keySet()));
        assertEquals(items.stream().sorted().toList(), items, "drawn in id order");
    }

    @Test
    void previewZeroDrawsNothing() throws IOException {
        ConversionResult result = convert(oneBox(), "yolo", Map.of());

        assertNull(result.preview());
        assertEquals(false, result.toMap().containsKey("preview"));
        assertNotEquals(null, result.insight(), "statistics are on by default");
    }

    private ConversionResult convert(Path input, String to, Map<String, Object> options) throws IOException {
        Path out = dir.resolve("out-" + to + "-" + Files.list(dir).count() + ".zip");
        return Converter.convert(new ConversionRequest(input, "auto", to, ConversionOptions.fromMap(options), out));
    }
}
