package org.labelbridge.format.imagenet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.testing.RecordedProblems;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.SameDataset;

class ImageNetFormatTest {

    private static final ImageNetFormat FORMAT = new ImageNetFormat();

    @TempDir
    Path tmp;

    private static List<String> labelNames(Categories categories) {
        return categories.labels().stream().map(Label::name).toList();
    }

    private static Tag tag(int label) {
        return new Tag(AnnotationInfo.of(label));
    }

    @Test
    void folderLayoutGivesOneTaggedItemPerImage() throws IOException {
        Loaded d = Datasets.read(FORMAT, Corpus.source("imagenet_1.0/imagenet_dataset"));

        assertEquals(List.of("label_0", "label_1"), labelNames(d.categories()));
        assertEquals(List.of("default/label_0/label_0_1", "default/label_0/label_0_2", "default/label_1/label_1_1"),
                d.ids());
        assertEquals(List.of(tag(0)), d.item("label_0/label_0_1").annotations());
        assertEquals(List.of(tag(0)), d.item("label_0/label_0_2").annotations());
        assertEquals(List.of(tag(1)), d.item("label_1/label_1_1").annotations());
        assertEquals("label_1/label_1_1.jpg", d.item("label_1/label_1_1").media().path());
        assertTrue(d.items().stream().allMatch(i -> i.attributes().isEmpty()));
    }

    @Test
    void textLayoutWithACustomLabelsFile() throws IOException {
        Loaded d = Datasets.read(FORMAT, Corpus.source("imagenet_txt/custom_labels"));

        assertEquals(List.of("alt_label_0", "alt_label_1", "alt_label_2", "alt_label_3", "alt_label_4",
                "alt_label_5", "alt_label_6", "alt_label_7", "alt_label_8", "alt_label_9"), labelNames(d.categories()));
        assertEquals(List.of("train/1"), d.ids());
        assertEquals(List.of(tag(0)), d.item("train", "1").annotations());
        assertEquals("images/1.jpg", d.item("1").media().path());
    }

    @Test
    void textLayoutWithoutLabelsFileGeneratesClassNames() throws IOException {
        Loaded d = Datasets.read(FORMAT, Corpus.source("imagenet_txt/no_labels"));

        assertEquals(List.of("class-0", "class-1", "class-2", "class-3", "class-4"), labelNames(d.categories()));
        assertEquals(List.of("train/1"), d.ids());
        assertEquals(List.of(tag(4)), d.item("train", "1").annotations());
    }

    @Test
    void detectsEachLayout() throws IOException {
        assertEquals(Detection.WEAK, FORMAT.detect(Corpus.source("imagenet_1.0/imagenet_dataset")).confidence());
        assertEquals(Detection.STRONG, FORMAT.detect(Corpus.source("imagenet_txt/custom_labels")).confidence());
        assertEquals(Detection.MEDIUM, FORMAT.detect(Corpus.source("imagenet_txt/no_labels")).confidence());
    }

    @Test
    void withImagesTheFolderLayoutIsWrittenAndReadsBackTheSame() throws IOException {
        DirectorySource sample = Corpus.source("imagenet_1.0/imagenet_dataset");
        Loaded original = Datasets.read(FORMAT, sample);
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, original, tmp, sample, problems);

        assertEquals(List.of("label_0/label_0_1.jpg", "label_0/label_0_2.jpg", "label_1/label_1_1.jpg"),
                DirectorySource.of(tmp).files());
        assertTrue(problems.lines().isEmpty(), problems.toString());
        SameDataset.assertSameIgnoringMedia(original, Datasets.read(FORMAT, DirectorySource.of(tmp)));
    }

    @Test
    void withoutImagesTheTextLayoutIsWrittenAndReadsBackTheSame() throws IOException {
        Loaded original = Datasets.read(FORMAT, Corpus.source("imagenet_txt/custom_labels"));

        Datasets.write(FORMAT, original, tmp, null, Problems.IGNORE);

        assertEquals("1.jpg 0\n", Files.readString(tmp.resolve("train.txt")));
        assertEquals(labelNames(original.categories()), Files.readAllLines(tmp.resolve("synsets.txt")));
        SameDataset.assertSameIgnoringMedia(original, Datasets.read(FORMAT, DirectorySource.of(tmp)));
    }

    @Test
    void folderSampleWithoutImagesBecomesTheTextLayoutKeepingIdsAndLabels() throws IOException {
        Loaded original = Datasets.read(FORMAT, Corpus.source("imagenet_1.0/imagenet_dataset"));

        Datasets.write(FORMAT, original, tmp, null, Problems.IGNORE);

        assertEquals(List.of("label_0/label_0_1.jpg 0", "label_0/label_0_2.jpg 0", "label_1/label_1_1.jpg 1"),
                Files.readAllLines(tmp.resolve("default.txt")));
        SameDataset.assertSameIgnoringMedia(original, Datasets.read(FORMAT, DirectorySource.of(tmp)));
    }

    @Test
    void textLayoutKeepsSeveralLabelsUnlabelledItemsAndNamesWithSpaces() throws IOException {
        Categories categories = Categories.ofNames(List.of("cat", "dog"));
        Loaded original = new Loaded(categories, List.of(
                new Item("two labels", "val", new Media("x/two labels.png", null, null), List.of(tag(1), tag(0))),
                new Item("nothing", "val", Media.NONE, List.of())));

        Datasets.write(FORMAT, original, tmp, null, Problems.IGNORE);

        assertEquals(List.of("\"two labels\".png 1 0", "nothing.jpg"), Files.readAllLines(tmp.resolve("val.txt")));
        SameDataset.assertSameIgnoringMedia(original, Datasets.read(FORMAT, DirectorySource.of(tmp)));
    }

    @Test
    void rootAndNoLabelImagesAreUnlabelled() throws IOException {
        Files.createDirectories(tmp.resolve("in/no_label"));
        Files.createDirectories(tmp.resolve("in/cat"));
        Files.writeString(tmp.resolve("in/a.jpg"), "a");
        Files.writeString(tmp.resolve("in/no_label/b.png"), "b");
        Files.writeString(tmp.resolve("in/cat/c.jpg"), "c");
        DirectorySource in = DirectorySource.of(tmp.resolve("in"));

        Loaded d = Datasets.read(FORMAT, in);

        assertEquals(List.of("cat"), labelNames(d.categories()));
        assertEquals(List.of(), d.item("a").annotations());
        assertEquals(List.of(), d.item("no_label/b").annotations());
        assertEquals(List.of(tag(0)), d.item("cat/c").annotations());
        assertTrue(FORMAT.detect(in).matched());
    }

    @Test
    void folderWriterReportsWhatTheLayoutCannotHold() throws IOException {
        Files.writeString(tmp.resolve("a.jpg"), "a");
        Files.writeString(tmp.resolve("b.jpg"), "b");
        DirectorySource media = DirectorySource.of(tmp);
        Categories categories = Categories.ofNames(List.of("cat", "dog", "bird"));
        Loaded dataset = new Loaded(categories, List.of(
                new Item("a", "train", new Media("a.jpg", null, null), List.of(tag(0), tag(1))),
                new Item("deep/b", "train", new Media("b.jpg", null, null), List.of(tag(0))),
                new Item("c", "train", new Media("c.jpg", null, null), List.of(tag(0)))));
        RecordedProblems problems = new RecordedProblems();
        Path out = tmp.resolve("out");

        Datasets.write(FORMAT, dataset, out, media, problems);

        assertEquals(List.of("cat/a.jpg", "cat/deep_b.jpg", "dog/a.jpg"), DirectorySource.of(out).files());
        assertTrue(problems.has("subset 'train' not kept"), problems.toString());
        assertTrue(problems.has("wrote a as 2 items", "each of its label folders"), problems.toString());
        assertTrue(problems.has("item deep/b:", "written as cat/deep_b"), problems.toString());
        assertTrue(problems.has("dropped item c:", "is not in the source"), problems.toString());
        assertTrue(problems.has("label 'bird' not kept"), problems.toString());
    }

    @Test
    void aLabelIndexThatIsNotANumberNamesFileAndLine() throws IOException {
        Files.writeString(tmp.resolve("train.txt"), "1.jpg 0\n2.jpg zero\n");

        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, DirectorySource.of(tmp)));

        assertTrue(e.getMessage().contains("train.txt, line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("'zero'"), e.getMessage());
    }

    @Test
    void aLabelIndexPastTheLabelsFileNamesFileAndLine() throws IOException {
        Files.writeString(tmp.resolve("synsets.txt"), "cat\ndog\n");
        Files.writeString(tmp.resolve("val.txt"), "1.jpg 2\n");

        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, DirectorySource.of(tmp)));

        assertTrue(e.getMessage().contains("val.txt, line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("label index 2"), e.getMessage());
    }

    @Test
    void declinesTextFilesThatAreNotImageNetLines() throws IOException {
        Files.writeString(tmp.resolve("train.txt"), "data/obj_train_data/1.jpg\n");
        assertFalse(FORMAT.detect(DirectorySource.of(tmp)).matched());
    }
}
