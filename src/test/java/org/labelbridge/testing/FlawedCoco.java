package org.labelbridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small COCO dataset with known flaws, for the validation checks to find exactly: six
 * 64x48 PNGs under {@code images/} and {@code annotations/instances_default.json}.
 *
 * <ul>
 *   <li>3 boxes outside their image: {@code img2}'s car at (100, 100) wholly; {@code img1}'s
 *       person reaching x 70 and {@code img2}'s person from x -5 partly. {@code img2}'s car
 *       reaching x 64.9 is within the 1-pixel tolerance.</li>
 *   <li>2 duplicate images: {@code img4} has the bytes of {@code img1}, {@code img5} those of
 *       {@code img2}.</li>
 *   <li>1 duplicate annotation ({@code img1}'s car twice), 1 zero-area box ({@code img3}'s car
 *       0 wide), 1 near-zero one ({@code img3}'s person, 3 px²).</li>
 *   <li>Labels: car 7 annotations, person 4, rare 1, unused none; {@code img6} has no annotations.</li>
 * </ul>
 */
public final class FlawedCoco {

    /** The findings by check id, with their counts, under {@code checks={"rare_label": 3}}. */
    public static final Map<String, Long> FINDINGS = Map.of("box_outside_image", 1L, "zero_area", 1L,
            "box_partly_outside_image", 2L, "near_zero_area", 1L, "duplicate_annotation", 1L, "duplicate_image", 2L,
            "label_unused", 1L, "label_rare", 1L, "image_without_annotations", 1L);

    private FlawedCoco() {
    }

    /** Writes the dataset into {@code dir} (created) and returns it. */
    public static Path write(Path dir) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        byte[] one = ImageBytes.solidPng(64, 48, 0x203040);
        byte[] two = ImageBytes.solidPng(64, 48, 0x402010);
        Files.write(images.resolve("img1.png"), one);
        Files.write(images.resolve("img2.png"), two);
        Files.write(images.resolve("img3.png"), ImageBytes.solidPng(64, 48, 0x104020));
        Files.write(images.resolve("img4.png"), one);
        Files.write(images.resolve("img5.png"), two);
        Files.write(images.resolve("img6.png"), ImageBytes.solidPng(64, 48, 0x303030));
        StringBuilder imageList = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            imageList.append(i > 1 ? ", " : "").append("{\"id\": ").append(i).append(", \"file_name\": \"img").append(i)
                    .append(".png\", \"width\": 64, \"height\": 48}");
        }
        String[] boxes = {
            "1, 1, [10, 10, 20, 10]", "1, 1, [10, 10, 20, 10]", "1, 2, [60, 40, 10, 5]",
            "2, 2, [-5, 5, 10, 10]", "2, 1, [100, 100, 10, 10]", "2, 1, [63.5, 0, 1.4, 5]",
            "3, 1, [5, 5, 0, 10]", "3, 2, [20, 20, 1.5, 2]", "3, 3, [1, 1, 10, 10]",
            "4, 1, [30, 20, 10, 10]", "4, 2, [30, 5, 10, 10]",
            "5, 1, [2, 2, 10, 10]"};
        StringBuilder annotations = new StringBuilder();
        for (int i = 0; i < boxes.length; i++) {
            String[] parts = boxes[i].split(", ", 3);
            annotations.append(i > 0 ? ",\n    " : "").append("{\"id\": ").append(i + 1).append(", \"image_id\": ")
                    .append(parts[0]).append(", \"category_id\": ").append(parts[1]).append(", \"bbox\": ")
                    .append(parts[2]).append(", \"area\": 1, \"iscrowd\": 0, \"segmentation\": []}");
        }
        String json = "{\"images\": [" + imageList + "],\n \"categories\": [{\"id\": 1, \"name\": \"car\"},"
                + " {\"id\": 2, \"name\": \"person\"}, {\"id\": 3, \"name\": \"rare\"}, {\"id\": 4, \"name\": \"unused\"}],\n"
                + " \"annotations\": [\n    " + annotations + "]}\n";
        Files.writeString(Files.createDirectories(dir.resolve("annotations")).resolve("instances_default.json"), json);
        return dir;
    }
}
