package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * Outputs that the consumers read as written: label names that are paths (Open Images MIDs),
 * the same image name in two subsets (CVAT project exports), and outputs that would hold
 * nothing their importer finds. Each converts a corpus sample through {@link Converter} and
 * reads the output back with our own reader.
 */
class ConsumerReadableOutputTest {

    private static final String OPEN_IMAGES = "open_images_v6/v6";
    private static final String CVAT_PROJECT = "cvat_images_1.1/ovd_export_project";

    @TempDir
    Path tmp;

    private ConversionResult convert(String sample, String to, ConversionOptions options) throws IOException {
        return Converter.convert(new ConversionRequest(Corpus.path(sample), ConversionRequest.AUTO, to, options,
                tmp.resolve(to)));
    }

    private Datasets.Loaded reread(String format) throws IOException {
        return Datasets.read(Formats.byId(format).orElseThrow(), DirectorySource.of(tmp.resolve(format)));
    }

    private static List<String> datasetMessages(ConversionResult result) {
        return result.report().entries().stream().filter(e -> e.kind().equals("dataset"))
                .map(ConversionReport.Entry::reason).toList();
    }

    /** Item id to the names of its tags' labels. */
    private static Map<String, TreeSet<String>> tags(Datasets.Loaded dataset) {
        Map<String, TreeSet<String>> tags = new TreeMap<>();
        for (Item item : dataset.items()) {
            for (Annotation a : item.annotations()) {
                if (a instanceof Tag t) {
                    tags.computeIfAbsent(item.id(), i -> new TreeSet<>()).add(dataset.categories().nameOf(t.label()));
                }
            }
        }
        return tags;
    }

    @Test
    void vocWritesClassListsOfPathLikeLabelsUnderSafeNamesAndReadsTheRealNamesBack() throws IOException {
        ConversionResult result = convert(OPEN_IMAGES, "voc", ConversionOptions.DEFAULTS);

        assertTrue(Files.exists(tmp.resolve("voc/ImageSets/Main/_m_0_train.txt")));
        assertTrue(Files.readString(tmp.resolve("voc/labelmap.txt")).contains("\n/m/0:"));
        Datasets.Loaded source = Datasets.read(Formats.byId("open_images").orElseThrow(), Corpus.source(OPEN_IMAGES));
        Datasets.Loaded again = reread("voc");
        assertEquals(tags(source), tags(again));
        assertEquals(1, datasetMessages(result).stream().filter(m -> m.startsWith("label '/m/0' is written as '_m_0'"))
                .count(), datasetMessages(result).toString());
    }

    @Test
    void imageNetFoldersOfPathLikeLabelsAreSafeNames() throws IOException {
        ConversionResult result = convert(OPEN_IMAGES, "imagenet", ConversionOptions.DEFAULTS);

        Datasets.Loaded again = reread("imagenet");
        Map<String, TreeSet<String>> tags = tags(again);
        assertFalse(tags.isEmpty());
        tags.forEach((id, labels) -> assertTrue(id.startsWith(labels.first() + "/") && !labels.first().contains("/m/"),
                id + " " + labels));
        assertTrue(tags.containsKey("_m_0/a"), tags.toString());
        assertTrue(datasetMessages(result).stream().anyMatch(m -> m.startsWith("label '/m/0' is written as '_m_0'")));
    }

    @Test
    void vggFace2FoldersOfPathLikeLabelsAreTheLabelsCvatReads() throws IOException {
        // Datumaro matches an image's folder by name among labels.txt's first words: both say _m_0.
        ConversionResult result = convert(OPEN_IMAGES, "vggface2", ConversionOptions.DEFAULTS);

        assertEquals("_m_0", Files.readAllLines(tmp.resolve("vggface2/labels.txt")).get(0));
        Datasets.Loaded again = reread("vggface2");
        Map<String, String> labelOf = new TreeMap<>();
        for (Item item : again.items()) {
            for (Annotation a : item.annotations()) {
                if (a.label() != null) {
                    labelOf.put(item.id(), again.categories().nameOf(a.label()));
                }
            }
        }
        assertEquals("_m_0", labelOf.get("_m_0/a"), labelOf.toString());
        assertTrue(datasetMessages(result).stream().anyMatch(m -> m.startsWith("label '/m/0' is written as '_m_0'")));
    }

    @Test
    void widerFaceEventFoldersOfPathLikeLabelsReadBackAsTheRealLabels() throws IOException {
        ConversionResult result = convert(OPEN_IMAGES, "wider_face", ConversionOptions.DEFAULTS);

        assertTrue(Files.isDirectory(tmp.resolve("wider_face/WIDER_train/images/0--_m_0")));
        Map<String, TreeSet<String>> tags = tags(reread("wider_face"));
        assertEquals(new TreeSet<>(List.of("/m/0")), tags.get("a"), tags.toString());
        assertEquals(new TreeSet<>(List.of("/m/0")), tags.get("b"), tags.toString());
        assertTrue(datasetMessages(result).stream().anyMatch(m -> m.startsWith("label '/m/0' is written as '_m_0'")));
    }

    @Test
    void imageNetWithoutImagesReportsNothingAboutFolders() throws IOException {
        ConversionResult result = convert(OPEN_IMAGES, "imagenet", ConversionOptions.DEFAULTS);
        assertTrue(result.report().entries().stream().noneMatch(e -> e.reason().contains("text layout")));

        Path annotationsOnly = tmp.resolve("annotations-only");
        Files.createDirectories(annotationsOnly.resolve("annotations"));
        for (String file : List.of("image_ids_and_rotation.csv", "oidv6-class-descriptions.csv",
                "oidv6-train-annotations-human-imagelabels.csv")) {
            Files.copy(Corpus.path(OPEN_IMAGES).resolve("annotations/" + file), annotationsOnly.resolve("annotations/" + file));
        }
        ConversionResult text = Converter.convert(new ConversionRequest(annotationsOnly, "open_images", "imagenet",
                ConversionOptions.DEFAULTS, tmp.resolve("text")));
        assertTrue(Files.exists(tmp.resolve("text/synsets.txt")));
        assertTrue(text.report().entries().stream().noneMatch(e -> e.reason().contains("is written as '_m_0'")
                || e.reason().contains("not kept: the ImageNet folder layout")), text.report().entries().toString());
    }

    @Test
    void vocWritesTheSameImageNameOfAnotherSubsetUnderItsSubset() throws IOException {
        ConversionResult result = convert(CVAT_PROJECT, "voc", ConversionOptions.DEFAULTS);

        Datasets.Loaded again = reread("voc");
        Map<String, String> boxes = new TreeMap<>();
        for (Item item : again.items()) {
            for (Annotation a : item.annotations()) {
                if (a instanceof Bbox b) {
                    boxes.put(item.subset() + ":" + item.id(), again.categories().nameOf(b.label()) + " " + b.x() + ","
                            + b.y() + "," + b.w() + "," + b.h());
                }
            }
        }
        assertEquals(Map.of("Test:img0", "label1 0.0,2.0,4.0,2.0", "Train:Train_img0", "label1 0.0,2.0,4.0,2.0",
                "Validation:Validation_img0", "label1 0.0,2.0,4.0,2.0"), boxes);
        assertEquals(6, again.items().size());
        assertTrue(result.report().entries().stream().anyMatch(e -> e.reason().startsWith(
                "written as 'Train_img0' in subset 'Train': an item of subset 'Test' is written as 'img0'")));
    }

    @Test
    void segmentationMaskWritesTheSameImageNameOfAnotherSubsetUnderItsSubset() throws IOException {
        convert(CVAT_PROJECT, "segmentation_mask", ConversionOptions.DEFAULTS);

        Datasets.Loaded again = reread("segmentation_mask");
        Map<String, Integer> masks = new TreeMap<>();
        for (Item item : again.items()) {
            masks.put(item.subset() + ":" + item.id(), (int) item.annotations().stream().filter(a -> a instanceof Mask)
                    .count());
        }
        assertEquals(Map.of("Test:img0", 1, "Test:img1", 1, "Train:Train_img0", 1, "Train:Train_img1", 1,
                "Validation:Validation_img0", 1, "Validation:Validation_img1", 1), masks);
    }

    @Test
    void cityscapesWithNeitherMasksNorImagesFailsWithItsReason() {
        FormatException e = assertThrows(FormatException.class,
                () -> convert("coco_1.0/coco_captions", "cityscapes", ConversionOptions.DEFAULTS.with("keep_images", false)));
        assertTrue(e.getMessage().contains("no item has a mask or an image"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void imageNetKeepsItsImagesInLabelFolders() throws IOException {
        convert("coco_1.0/coco_captions", "imagenet", ConversionOptions.DEFAULTS);

        assertEquals(List.of("no_label/a", "no_label/b"), ids(reread("imagenet")));
    }

    @Test
    void imageNetWithoutImagesIsWrittenInItsTextLayout() throws IOException {
        ConversionResult result = convert("cvat_video_1.1/cvat_docs_interpolation_example", "imagenet",
                ConversionOptions.DEFAULTS);

        assertTrue(Files.exists(tmp.resolve("imagenet/synsets.txt")));
        Datasets.Loaded again = reread("imagenet");
        assertEquals(List.of("frame_000000", "frame_000001", "frame_000006", "frame_000007", "frame_000013",
                "frame_000014"), ids(again));
        assertEquals(List.of("person", "car", "s1"), again.categories().labels().stream().map(l -> l.name()).toList()
                .subList(0, 3));
        assertTrue(datasetMessages(result).stream().anyMatch(m -> m.startsWith("no image of the dataset is in the source")));
    }

    @Test
    void kittiDeclaresOneLabelListForAllItsSubsets() throws IOException {
        convert("vggface2_1.0/vgg_face2_dataset", "kitti", ConversionOptions.DEFAULTS);

        String meta = Files.readString(tmp.resolve("kitti/dataset_meta.json"));
        assertTrue(meta.contains("\"label_map\":{\"0\":\"background\",\"1\":\"n000001\",\"2\":\"n000002\",\"3\":\"n000003\"}"),
                meta);
        Datasets.Loaded again = reread("kitti");
        Map<String, String> boxes = new TreeMap<>();
        for (Item item : again.items()) {
            for (Annotation a : item.annotations()) {
                boxes.put(item.subset() + ":" + item.id(), again.categories().nameOf(a.label()));
            }
        }
        assertEquals(Map.of("test:n000003/0003_01", "n000003", "train:n000001/0001_01", "n000001",
                "train:n000002/0001_01", "n000002", "train:n000002/0002_01", "n000002"), boxes);
    }

    private static List<String> ids(Datasets.Loaded dataset) {
        List<String> ids = new ArrayList<>();
        dataset.items().forEach(i -> ids.add(i.id()));
        ids.sort(null);
        return ids;
    }
}
