package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.Format;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.CorpusMatrix;

/**
 * Label names and item ids that are paths ({@code /m/0}, {@code ..}, {@code a*b},
 * {@code ../up}, {@code /m/0/x}) and one image name in two subsets, in a small Datumaro dataset,
 * converted to every writable target: each output keeps the consumer contract of
 * {@link ConsumerContractTest} (clean relative paths, the files its importer looks for) or
 * fails with a one-line reason.
 */
class PathLikeNamesTest {

    private static final String LABELS = "[{\"name\": \"/m/0\"}, {\"name\": \"a*b\"}, {\"name\": \"..\"},"
            + " {\"name\": \"_m_0\"}, {\"name\": \"car\"}]";

    @TempDir
    Path tmp;

    private static String item(String id) {
        return "{\"id\": \"" + id + "\", \"image\": {\"path\": \"img0.jpg\", \"size\": [5, 10]}, \"annotations\": ["
                + "{\"id\": 1, \"type\": \"label\", \"label_id\": 0, \"group\": 0, \"attributes\": {}},"
                + "{\"id\": 2, \"type\": \"bbox\", \"label_id\": 1, \"group\": 0, \"attributes\": {}, \"bbox\": [1, 1, 3, 2]},"
                + "{\"id\": 3, \"type\": \"polygon\", \"label_id\": 2, \"group\": 0, \"attributes\": {},"
                + " \"points\": [0, 0, 4, 0, 4, 4, 0, 4]},"
                + "{\"id\": 4, \"type\": \"bbox\", \"label_id\": 3, \"group\": 0, \"attributes\": {}, \"bbox\": [2, 1, 3, 2]}]}";
    }

    private Path dataset() throws IOException {
        Path root = tmp.resolve("in");
        Files.createDirectories(root.resolve("annotations"));
        for (String[] subset : new String[][] {{"train", "../up"}, {"val", "/m/0/x"}}) {
            Files.writeString(root.resolve("annotations/" + subset[0] + ".json"), "{\"info\": {}, \"categories\":"
                    + " {\"label\": {\"labels\": " + LABELS + ", \"attributes\": []}}, \"items\": ["
                    + item("img0") + ", " + item(subset[1]) + "]}");
            Path images = Files.createDirectories(root.resolve("images/" + subset[0]));
            Files.copy(Corpus.path("coco_1.0/coco_instances/images/train/a.jpg"), images.resolve("img0.jpg"));
        }
        return root;
    }

    @Test
    void everyTargetWritesPathLikeNamesAsCleanPathsItsImporterFinds() throws IOException {
        Path input = dataset();
        List<String> broken = new ArrayList<>();
        for (Format target : CorpusMatrix.targets()) {
            Path output = tmp.resolve("out/" + target.id());
            Exception failure = null;
            try {
                Converter.convert(new ConversionRequest(input, "datumaro", target.id(), ConversionOptions.DEFAULTS, output));
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            broken.addAll(ConsumerContractTest.breaches("path-like names -> " + target.id(), target.id(), output, failure));
        }
        assertEquals(List.of(), broken);
    }
}
