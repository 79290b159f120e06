package org.labelbridge.format.openimages;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** What the writer puts in the V6 files, row for row and pixel for pixel, and what it reports. */
class OpenImagesWriterTest {

    private static final String DESCRIPTION_HEADER = "ImageID,Subset,OriginalURL,OriginalLandingURL,License,"
            + "AuthorProfileURL,Author,Title,OriginalSize,OriginalMD5,Thumbnail300KURL,Rotation\n";

    @TempDir
    Path dir;

    private final RecordedProblems problems = new RecordedProblems();

    @Test
    void theV6SampleIsWrittenAsTheV6FileSet() throws IOException {
        Datasets.write(new OpenImagesFormat(), Datasets.read(new OpenImagesFormat(), Corpus.source(OpenImagesCorpusTest.V6)),
                dir, Corpus.source(OpenImagesCorpusTest.V6), problems);

        assertEquals("LabelName,DisplayName\n/m/0,/m/0\n/m/1,/m/1\n/m/2,/m/2\n/m/3,/m/3\n",
                text("annotations/oidv6-class-descriptions.csv"));
        assertEquals("""
                {
                    "LabelName": "/m/4",
                    "Subcategory": [
                        {
                            "LabelName": "/m/0",
                            "Subcategory": [
                                {
                                    "LabelName": "/m/1"
                                }
                            ]
                        }
                    ]
                }
                """, text("annotations/bbox_labels_600_hierarchy.json"));
        assertEquals(DESCRIPTION_HEADER + "a,train,,,,,,,,,,\nb,train,,,,,,,,,,\nc,test,,,,,,,,,,\nd,validation,,,,,,,,,,\n",
                text("annotations/image_ids_and_rotation.csv"));
        assertEquals("a 8 6\nb 2 8\nc 10 5\nd 1 5\n", text("annotations/images.meta"));
        assertEquals("ImageID,Source,LabelName,Confidence\na,,/m/0,1\nb,,/m/0,0\n",
                text("annotations/train-annotations-human-imagelabels.csv"));
        assertEquals("ImageID,Source,LabelName,Confidence\nc,,/m/1,1\nc,,/m/3,1\n",
                text("annotations/test-annotations-human-imagelabels.csv"));
        String boxHeader = "ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,IsTruncated,IsGroupOf,"
                + "IsDepiction,IsInside\n";
        assertEquals(boxHeader + "b,,/m/0,1,0.2,1,0.3,0.5,-1,-1,-1,-1,-1\n", text("annotations/train-annotations-bbox.csv"));
        assertEquals(boxHeader + "c,,/m/3,0.7,0.7,0.8,0,0.5,1,0,1,0,0\n", text("annotations/test-annotations-bbox.csv"));
        assertEquals("MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks\n"
                + "b_m0_01234567.png,b,/m/0,01234567,0.2,1,0.3,0.5,0.5,\n",
                text("annotations/train-annotations-object-segmentation.csv"));
        MaskImage mask = png("masks/train/b_m0_01234567.png");
        assertEquals(MaskImage.Kind.GRAY, mask.kind());
        assertEquals(List.of(255, 255, 0, 0, 0, 0, 0, 0, 255, 255, 0, 0, 0, 0, 0, 0), samples(mask));
        assertEquals(List.of("annotations", "images", "masks"), list(dir));
        assertEquals(List.of("a.jpg", "b.jpg"), list(dir.resolve("images/train")));
        assertEquals(List.of("d.png"), list(dir.resolve("images/validation")));
        assertFalse(Files.exists(dir.resolve("annotations/validation-annotations-bbox.csv"))); // created with a first row
        assertEquals(List.of(), problems.lines());
    }

    @Test
    void whatOpenImagesCannotHoldIsReported() throws IOException {
        Categories categories = Categories.of(List.of(Label.named("cat"), new Label("kitten", "tiger", List.of())));
        Datasets.Loaded dataset = new Datasets.Loaded(categories, List.of(
                new Item("x", "a/b", new Media(null, 4, 2), List.of(
                        new Tag(new AnnotationInfo(0, 0, 3, 0, Map.of("score", "0.25", "pose", "left"), null)),
                        new Bbox(new AnnotationInfo(0, 0, 1, 0, Map.of("occluded", "maybe"), null), 0, 0, 2, 1),
                        new Polygon(new AnnotationInfo(1, 0, 1, 0, Map.of(), null), new double[] {0, 0, 2, 0, 2, 2, 0, 2}))),
                new Item("x", "other", Media.NONE, List.of(new Bbox(AnnotationInfo.of(0), 0, 0, 1, 1)))));
        Datasets.write(new OpenImagesFormat(), dataset, dir, null, problems);

        assertEquals(List.of(
                "dataset: parent 'tiger' of label 'kitten' is not a label: not kept",
                "dataset: subset 'a/b' written as 'a_b': a subset is one folder",
                "changed x tag: attribute(s) [pose] not kept: Open Images tag rows have score",
                "changed x tag: group not kept: Open Images groups only masks with boxes",
                "changed x bbox: occluded 'maybe' is not true or false: not kept",
                "converted x 1 polygon to 1 mask: polygon rasterised into a mask: Open Images segments are masks",
                "changed x polygon: group 1 not kept: Open Images links a mask only to a box of its class",
                "item x: written as 'x_other': an Open Images ImageID is unique across subsets and 'x' is taken",
                "dropped x bbox: the image size is unknown: Open Images stores boxes as fractions of it"), problems.lines());
        assertEquals("ImageID,Source,LabelName,Confidence\nx,,cat,0.25\n", text("annotations/a_b-annotations-human-imagelabels.csv"));
        assertEquals("MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks\n"
                + "x_kitten_00000000.png,x,kitten,00000000,,,,,,\n", text("annotations/a_b-annotations-object-segmentation.csv"));
        assertEquals(List.of(255, 255, 0, 0, 255, 255, 0, 0), samples(png("masks/a_b/x_kitten_00000000.png")));
        assertEquals(DESCRIPTION_HEADER + "x,a_b,,,,,,,,,,\nx_other,other,,,,,,,,,,\n",
                text("annotations/image_ids_and_rotation.csv"));
        assertEquals("x 2 4\n", text("annotations/images.meta"));
    }

    private String text(String path) throws IOException {
        return Files.readString(dir.resolve(path));
    }

    private MaskImage png(String path) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(path))) {
            return MaskImages.read(in, path);
        }
    }

    private static List<Integer> samples(MaskImage image) {
        List<Integer> samples = new ArrayList<>();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                samples.add(image.sample(x, y));
            }
        }
        return samples;
    }

    private static List<String> list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Open Images segments are masks: a polygon is rasterised, and the report counts it as the mask it is. */
    @Test
    void polygonsAreCountedAsTheMasksTheyAreWrittenAs() throws IOException {
        Datasets.Converted converted = Datasets.convert(Corpus.path("ultralytics_yolo/yolov8_segmentation"),
                "auto", "open_images", dir.resolve("out"), org.labelbridge.convert.ConversionOptions.DEFAULTS);

        List<org.labelbridge.model.Annotation> written = converted.output().items().stream()
                .flatMap(item -> item.annotations().stream()).toList();
        assertEquals(2, written.size());
        assertEquals(List.of(org.labelbridge.model.AnnotationKind.MASK, org.labelbridge.model.AnnotationKind.MASK),
                written.stream().map(org.labelbridge.model.Annotation::kind).toList());
        assertEquals(Map.of(org.labelbridge.model.AnnotationKind.MASK, 2L),
                Map.copyOf(converted.report().annotationsOut().entrySet().stream().filter(e -> e.getValue() != 0)
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        assertEquals(2, converted.count("polygon rasterised into a mask"));
    }
}
