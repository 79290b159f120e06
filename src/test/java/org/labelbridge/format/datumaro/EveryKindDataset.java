package org.labelbridge.format.datumaro;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Datasets;

/**
 * A dataset built in code with every annotation kind and every feature the model has: ids,
 * groups, z-order, attributes of each type, track data, several subsets, media with and without
 * size or path, label parents, a skeleton layout and colours. Coordinates are binary fractions
 * so that the ellipse's corner form converts back exactly.
 */
final class EveryKindDataset {

    static final int CAR = 0;
    static final int SEDAN = 1;
    static final int PERSON = 2;
    static final int BODY = 3;
    static final int HEAD = 4;
    static final int HAND = 5;

    private EveryKindDataset() {
    }

    static Categories categories() {
        return new Categories(
                List.of(new Label("car", "", List.of(AttributeDef.named("color"), AttributeDef.named("count"))),
                        new Label("sedan", "car", List.of()),
                        Label.named("person"),
                        Label.named("body"),
                        new Label("head", "body", List.of()),
                        new Label("hand", "body", List.of(AttributeDef.named("custom")))),
                List.of("occluded", "score"),
                Map.of(BODY, new SkeletonDef(List.of(HEAD, HAND), List.of(new SkeletonDef.Edge(0, 1)))),
                Map.of(CAR, new Rgb(255, 0, 0), PERSON, new Rgb(0, 128, 255)));
    }

    static AnnotationInfo info(Integer label, long id, int group, int z, Map<String, Object> attributes, Track track) {
        return new AnnotationInfo(label, id, group, z, attributes, track);
    }

    static Rle mask() {
        byte[] bitmap = new byte[6 * 8];
        for (int y = 1; y < 4; y++) {
            for (int x = 2; x < 7; x++) {
                bitmap[y * 8 + x] = 1;
            }
        }
        return Rle.fromBitmap(bitmap, 6, 8);
    }

    static Item trainA() {
        Map<String, Object> boxAttributes = new LinkedHashMap<>();
        boxAttributes.put("occluded", true);
        boxAttributes.put("color", "red");
        boxAttributes.put("count", 3L);
        boxAttributes.put("score", 0.75);
        boxAttributes.put("tags", List.of("x", 1L, true));
        Map<String, Object> itemAttributes = new LinkedHashMap<>();
        itemAttributes.put("frame", 3L);
        itemAttributes.put("id", 17L);
        itemAttributes.put("note", "first");
        itemAttributes.put("ratio", 0.25);
        itemAttributes.put("checked", false);
        return new Item("a", "train", new Media("images/train/a.png", 8, 6), List.of(
                new Tag(info(PERSON, 1, 0, 0, Map.of("score", 0.5), null)),
                new Bbox(info(CAR, 2, 3, 1, boxAttributes, new Track(7, true, false)), 1.5, 2, 3.25, 4, 30.5),
                new Polygon(info(SEDAN, 3, 3, 2, Map.of(), null), new double[] {0, 0, 4, 0, 4, 3.5, 0, 3}),
                new Polyline(info(null, 4, 0, 0, Map.of("occluded", false), null), new double[] {1, 1, 2, 2.5, 3, 1}),
                new Points(info(PERSON, 5, 0, 0, Map.of(), null), new double[] {1, 2, 3, 4, 5, 6},
                        new byte[] {Points.VISIBLE, Points.HIDDEN, Points.ABSENT}),
                new Mask(info(CAR, 6, 3, 0, Map.of("is_crowd", true), null), mask()),
                new Ellipse(info(PERSON, 7, 0, 0, Map.of(), null), 4.5, 3, 2.5, 1.25, 0),
                new Ellipse(info(PERSON, 8, 0, 4, Map.of(), new Track(8, false, true)), 4, 3, 2, 1, 15),
                new Cuboid2d(info(CAR, 9, 0, 0, Map.of("occluded", false), null), new double[] {
                        1, 1, 1, 4, 4, 1, 4, 4, 2, 0.5, 2, 3.5, 5, 0.5, 5, 3.5}),
                new Cuboid3d(info(CAR, 10, 5, 0, Map.of(), null),
                        List.of(1.0, 2.0, 3.0), List.of(0.0, 0.5, 0.25), List.of(2.0, 1.0, 1.5)),
                new Skeleton(info(BODY, 11, 4, 3, Map.of("occluded", false), new Track(9, true, false)), List.of(
                        new Points(info(HEAD, 12, 0, 0, Map.of("outside", false), null), new double[] {2, 1},
                                new byte[] {Points.VISIBLE}),
                        new Points(info(HAND, 13, 0, 0, Map.of("custom", "v"), null), new double[] {3, 2.5},
                                new byte[] {Points.HIDDEN}))),
                new Caption(info(null, 14, 1, 0, Map.of(), null), "a red car"),
                new Caption(info(PERSON, 15, 0, 5, Map.of(), null), "a labelled caption with a z-order")),
                itemAttributes);
    }

    static Datasets.Loaded dataset() {
        return new Datasets.Loaded(categories(), List.of(
                trainA(),
                new Item("sub/b", "train", Media.NONE, List.of(
                        new Bbox(info(null, 0, 0, 0, Map.of(), null), 0, 0, 1, 1),
                        // A skeleton as CVAT makes them: nodes follow the layout and carry only attributes.
                        new Skeleton(info(BODY, 16, 0, 0, Map.of(), null), List.of(
                                new Points(info(HEAD, 0, 0, 0, Map.of(), null), new double[] {5, 6},
                                        new byte[] {Points.VISIBLE}),
                                new Points(info(HAND, 0, 0, 0, Map.of("custom", "w"), null), new double[] {7, 8.5},
                                        new byte[] {Points.ABSENT}))))),
                new Item("c", "val", new Media("images/val/c.jpg", null, null), List.of()),
                new Item("d", "test", new Media(null, 5, 4), List.of(
                        new Tag(info(CAR, 1, 0, 0, Map.of("tags", List.of()), new Track(3, false, false)))),
                        Map.of("frame", 0L))));
    }
}
