package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.testing.Corpus;

/** What a conversion tells its listener: each stage once, in order, and progress no oftener than asked. */
class ConversionListenerTest {

    @TempDir
    Path tmp;

    private final List<String> stages = new ArrayList<>();
    private final List<Map<String, Object>> counts = new ArrayList<>();
    private final List<ConversionListener.Progress> progress = new ArrayList<>();

    private ConversionListener listener(long interval) {
        return new ConversionListener() {
            @Override
            public void stage(String stage, long millis, Map<String, Object> c) {
                stages.add(stage);
                counts.add(c);
            }

            @Override
            public void progress(Progress p) {
                progress.add(p);
            }

            @Override
            public long progressIntervalMillis() {
                return interval;
            }
        };
    }

    @Test
    void stagesInOrderWithTheirCountsAndProgressPerItemWhenAskedForIt() throws IOException {
        Converter.convert(new ConversionRequest(Corpus.path("coco_1.0/coco_instances"), "auto", "yolo",
                ConversionOptions.DEFAULTS, tmp.resolve("out.zip")), listener(0));

        assertEquals(List.of("detect", "convert", "finish"), stages);
        assertEquals("coco", counts.get(0).get("format"));
        assertEquals(100, counts.get(0).get("confidence"));
        assertEquals(2L, counts.get(1).get("items_in"));
        assertEquals(3L, counts.get(1).get("annotations_in"));
        assertEquals(1L, counts.get(1).get("annotations_out"));
        assertEquals(2L, counts.get(1).get("dropped_annotations"));
        assertEquals(Map.of("train", 1L, "val", 1L), counts.get(1).get("subsets"));
        assertEquals(java.nio.file.Files.size(tmp.resolve("out.zip")), counts.get(2).get("bytes_out"));
        // The sample has two images: the estimate, and one progress call per item at interval 0.
        assertEquals(List.of(1L, 2L), progress.stream().map(ConversionListener.Progress::items).toList());
        assertEquals(2, progress.get(0).expectedItems());
        assertEquals(0.5, progress.get(0).fraction(), 1e-9);
        assertEquals(0.99, progress.get(1).fraction(), 1e-9, "never 100% before the end");
    }

    @Test
    void noProgressWithinTheInterval() throws IOException {
        Converter.convert(new ConversionRequest(Corpus.path("coco_1.0/coco_instances"), "auto", "yolo",
                ConversionOptions.DEFAULTS, tmp.resolve("out.zip")), listener(3_600_000));

        assertEquals(List.of(), progress);
        assertEquals(List.of("detect", "convert", "finish"), stages);
    }
}
