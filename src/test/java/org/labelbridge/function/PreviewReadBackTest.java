package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelbridge.function.S3TestServer.INPUT_BUCKET;
import static org.labelbridge.function.S3TestServer.OUTPUT_BUCKET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.convert.ConversionListener;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.testing.Zips;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The preview reads the written output back from S3 where it lies, with the target's own reader,
 * and that read costs the annotations plus the images it draws, not the whole zip again: the
 * output's per-item annotation files lie together after its images ({@code archive/AnnotationTail}),
 * so the reader's ranges do not run through the images between them. Counted in bytes read from
 * S3 by the preview's ranged GETs (S3Proxy on loopback), not timed.
 */
class PreviewReadBackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IMAGES = 80;
    /** Below the channel's read-through distance: an image between two label files used to be read through. */
    private static final int IMAGE_BYTES = 64 << 10;
    /** Few, so that the images drawn (and those read through between them) are a small part of the zip. */
    private static final int DRAWN = 4;

    private static S3TestServer server;
    private static S3Client s3;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        server = S3TestServer.start();
        s3 = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePreviewOfAPerItemAnnotationOutputReadsItsAnnotationsAndTheDrawnImagesOnly() throws Exception {
        Path archive = Zips.cocoWithNoiseImages(tmp.resolve("dataset"), IMAGES, IMAGE_BYTES);
        s3.putObject(b -> b.bucket(INPUT_BUCKET).key("preview/set.zip"), RequestBody.fromFile(archive));
        Path work = Files.createDirectory(tmp.resolve("work"));
        S3Converter converter = new S3Converter(new S3Transfers(s3, new S3Retry(4, Duration.ofMillis(5),
                Duration.ofMillis(50)), S3Transfers.MIN_PART_BYTES, 2), work, 64L << 20, ArchiveLimits.DEFAULTS, null);
        ConversionJob job = new ConversionJob(new S3Uri(INPUT_BUCKET, "preview/set.zip"), "coco", "voc",
                ConversionOptions.fromMap(Map.of("preview", DRAWN)), new S3Uri(OUTPUT_BUCKET, "preview/set.zip"),
                new S3Uri(OUTPUT_BUCKET, "preview/set.report.json"), new S3Uri(OUTPUT_BUCKET, "preview/set.error.json"));
        Map<String, Map<String, Object>> stages = new LinkedHashMap<>();

        converter.run(job, new ConversionListener() {
            @Override
            public void stage(String stage, long millis, Map<String, Object> counts) {
                stages.put(stage, counts);
            }
        });

        JsonNode report = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(OUTPUT_BUCKET).key("preview/set.report.json"))
                .asByteArray());
        assertNull(report.get("preview").get("error"), "the preview is drawn: " + report.get("preview"));
        assertEquals(DRAWN, report.get("preview").get("items").size(), "items drawn: " + report.get("preview"));
        long zipBytes = report.get("output_bytes").asLong();
        long imageBytes = (long) IMAGES * IMAGE_BYTES;
        // Everything that is not image data: the annotation files, the entries' headers, the directory.
        long annotationBytes = zipBytes - imageBytes;
        Map<String, Object> preview = stages.get("preview");
        long read = ((Number) preview.get("bytes_read")).longValue();
        long requests = ((Number) preview.get("get_requests")).longValue();
        // Reaching a drawn image may read through what lies before it, up to the channel's read-through distance.
        long perDrawn = IMAGE_BYTES + S3ObjectBytes.SKIP_AHEAD;
        assertTrue(read <= annotationBytes + DRAWN * perDrawn, "the preview read " + read + " bytes of a " + zipBytes
                + "-byte zip: more than its " + annotationBytes + " bytes of annotations and headers plus " + DRAWN
                + " images of " + IMAGE_BYTES + " and what lies before each");
        assertTrue(read < zipBytes / 2, "the preview read " + read + " bytes of a " + zipBytes + "-byte zip");
        // The directory, the annotation tail (a range and its continuations) and one range per drawn image at most.
        assertTrue(requests <= DRAWN + 8, "the preview made " + requests + " GETs");

        // What it drew was read back: the VOC files name each drawn item's image and its box.
        Path output = Files.write(tmp.resolve("output.zip"), s3.getObjectAsBytes(b -> b.bucket(OUTPUT_BUCKET)
                .key("preview/set.zip")).asByteArray());
        List<String> names = Zips.names(output);
        int images = 0;
        boolean annotationsAfterImages = true;
        for (String name : names) {
            if (name.endsWith(".jpg")) {
                images++;
            } else if (name.endsWith(".xml") && images < IMAGES) {
                annotationsAfterImages = false;
            }
        }
        assertEquals(IMAGES, images);
        assertTrue(annotationsAfterImages, "every annotation file follows the images: " + names);
        for (JsonNode item : report.get("preview").get("items")) {
            String id = item.asText().substring(item.asText().lastIndexOf('/') + 1);
            String xml = Zips.text(output, names.stream().filter(n -> n.endsWith("/" + id + ".xml")).findFirst()
                    .orElseThrow(() -> new AssertionError("no VOC file for drawn item " + item + " in " + names)));
            int i = Integer.parseInt(id.substring("img".length()));
            assertTrue(xml.contains("<xmin>" + (10 + i) + "</xmin>") || xml.contains("<xmin>" + (10 + i) + ".0</xmin>"),
                    id + "'s box: " + xml);
        }
    }
}
