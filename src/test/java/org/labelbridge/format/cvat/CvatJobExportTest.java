package org.labelbridge.format.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionReport;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Zips;

/**
 * A job's export from app.cvat.ai: {@code <meta><job>} carries the labels, mode and subset, and a
 * video job's frame size is {@code <original_size>} beside the job (as CVAT's
 * {@code JobData._init_meta} dumps it). Its frames must come out sized and in the job's subset.
 */
class CvatJobExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The head of a job dump, laid out as CVAT writes it; {@code originalSize} is "" or an element. */
    private static String jobHead(String mode, String subset, int start, int stop, String originalSize) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <annotations>
                  <version>1.1</version>
                  <meta>
                    <job>
                      <id>1751</id>
                      <size>%d</size>
                      <mode>%s</mode>
                      <overlap>0</overlap>
                      <bugtracker></bugtracker>
                      <created>2025-03-01 10:00:00.000000+00:00</created>
                      <updated>2025-03-02 10:00:00.000000+00:00</updated>
                      <subset>%s</subset>
                      <start_frame>%d</start_frame>
                      <stop_frame>%d</stop_frame>
                      <frame_filter></frame_filter>
                      <segments>
                        <segment>
                          <id>901</id>
                          <start>%d</start>
                          <stop>%d</stop>
                          <url>https://app.cvat.ai/api/jobs/1751</url>
                        </segment>
                      </segments>
                      <owner>
                        <username>annotator</username>
                        <email>annotator@example.com</email>
                      </owner>
                      <assignee></assignee>
                      <labels>
                        <label>
                          <name>car</name>
                          <color>#fa3253</color>
                          <type>rectangle</type>
                          <attributes>
                          </attributes>
                        </label>
                        <label>
                          <name>person</name>
                          <color>#33ddff</color>
                          <type>any</type>
                          <attributes>
                          </attributes>
                        </label>
                      </labels>
                    </job>
                    <dumped>2025-03-02 11:00:00.000000+00:00</dumped>
                    %s
                  </meta>
                """.formatted(stop - start + 1, mode, subset, start, stop, start, stop, originalSize);
    }

    private static final String FULL_HD = """
            <original_size>
                  <width>1920</width>
                  <height>1080</height>
                </original_size>""";

    /** Two tracks of a video job (frames 100 to 102): a car at 100 (outside at 102), a person at 101. */
    private static final String TRACKS = """
              <track id="0" label="car" source="manual">
                <box frame="100" keyframe="1" outside="0" occluded="0" xtl="192.00" ytl="108.00" xbr="384.00" ybr="324.00" z_order="0">
                </box>
                <box frame="102" keyframe="1" outside="1" occluded="0" xtl="192.00" ytl="108.00" xbr="384.00" ybr="324.00" z_order="0">
                </box>
              </track>
              <track id="1" label="person" source="manual">
                <box frame="101" keyframe="1" outside="0" occluded="1" xtl="960.00" ytl="540.00" xbr="1440.00" ybr="1080.00" z_order="0">
                </box>
              </track>
            </annotations>
            """;

    private Path write(String name, String xml) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("annotations.xml"), xml);
        return folder;
    }

    private ConversionResult convert(Path input, String to, Path output) throws IOException {
        return Converter.convert(new ConversionRequest(input, "auto", to, ConversionOptions.DEFAULTS, output));
    }

    private static Datasets.Loaded readBack(String format, Path zip) throws IOException {
        try (InputArchive archive = InputArchive.open(zip)) {
            return Datasets.read(Formats.require(format), archive.source());
        }
    }

    private static Bbox onlyBox(Item item) {
        assertEquals(1, item.annotations().size(), item.toString());
        return (Bbox) item.annotations().get(0);
    }

    private static List<Double> xywh(Bbox box) {
        return List.of(round(box.x()), round(box.y()), round(box.w()), round(box.h()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static List<String> reasons(ConversionResult result) {
        return result.report().entries().stream().map(ConversionReport.Entry::toString).toList();
    }

    @Test
    void videoJobFramesTakeTheOriginalSizeBesideTheJobAndItsSubset() throws IOException {
        Path input = write("video-job", jobHead("interpolation", "Train", 100, 102, FULL_HD) + TRACKS);
        Path yoloZip = dir.resolve("yolo.zip");

        ConversionResult toYolo = convert(input, "yolo", yoloZip);

        assertTrue(toYolo.source().format().id().startsWith("cvat_"), toYolo.source().format().id());
        assertEquals("0 0.15 0.2 0.1 0.2", Zips.text(yoloZip, "obj_Train_data/frame_000100.txt").strip(),
                "car at 192,108 192x216 in a 1920x1080 frame");
        assertEquals("1 0.625 0.75 0.25 0.5", Zips.text(yoloZip, "obj_Train_data/frame_000101.txt").strip());
        assertTrue(reasons(toYolo).stream().noneMatch(r -> r.contains("size")), reasons(toYolo).toString());
        Datasets.Loaded yolo = readBack("yolo", yoloZip);
        assertEquals(List.of(192.0, 108.0, 192.0, 216.0), xywh(onlyBox(yolo.item("Train", "frame_000100"))));

        Path cocoZip = dir.resolve("coco.zip");
        ConversionResult toCoco = convert(input, "coco", cocoZip);

        JsonNode coco = JSON.readTree(Zips.text(cocoZip, "annotations/instances_Train.json"));
        for (JsonNode image : coco.get("images")) {
            assertEquals(1920, image.get("width").asInt(), image.toString());
            assertEquals(1080, image.get("height").asInt(), image.toString());
        }
        assertTrue(reasons(toCoco).stream().noneMatch(r -> r.contains("size")), reasons(toCoco).toString());
        Datasets.Loaded back = readBack("coco", cocoZip);
        Item person = back.item("Train", "frame_000101");
        assertEquals("person", back.labelOf(onlyBox(person)));
        assertEquals(List.of(960.0, 540.0, 480.0, 540.0), xywh(onlyBox(person)));
    }

    @Test
    void imagesJobTakesTheJobSubset() throws IOException {
        Path input = write("images-job", jobHead("annotation", "Validation", 0, 1, "") + """
                  <image id="0" name="street/a.jpg" width="800" height="600">
                    <box label="car" source="manual" occluded="0" xtl="80.00" ytl="60.00" xbr="240.00" ybr="300.00" z_order="0">
                    </box>
                  </image>
                  <image id="1" name="street/b.jpg" width="640" height="480">
                  </image>
                </annotations>
                """);
        Path cocoZip = dir.resolve("coco.zip");

        convert(input, "coco", cocoZip);

        assertEquals(List.of("annotations/instances_Validation.json"), Zips.names(cocoZip).stream()
                .filter(name -> name.startsWith("annotations/")).toList());
        Datasets.Loaded back = readBack("coco", cocoZip);
        assertEquals(List.of("Validation/street/a", "Validation/street/b"), back.ids());
        assertEquals(List.of(80.0, 60.0, 160.0, 240.0), xywh(onlyBox(back.item("Validation", "street/a"))));
        assertEquals(800, back.item("Validation", "street/a").media().width());
    }

    @Test
    void videoJobDumpedAsImagesKeepsSizesTheImagesStateAndTakesTheVideosForOthers() throws IOException {
        Path input = write("video-job-images", jobHead("interpolation", "default", 100, 102, FULL_HD) + """
                  <image id="100" name="frame_000100" width="1920" height="1080">
                    <box label="car" source="manual" occluded="0" xtl="192.00" ytl="108.00" xbr="384.00" ybr="324.00" z_order="0">
                    </box>
                  </image>
                  <image id="101" name="frame_000101">
                    <box label="car" source="manual" occluded="0" xtl="192.00" ytl="108.00" xbr="384.00" ybr="324.00" z_order="0">
                    </box>
                  </image>
                  <image id="102" name="frame_000102" width="960" height="540">
                    <box label="car" source="manual" occluded="0" xtl="96.00" ytl="54.00" xbr="192.00" ybr="162.00" z_order="0">
                    </box>
                  </image>
                </annotations>
                """);
        Path yoloZip = dir.resolve("yolo.zip");

        ConversionResult result = convert(input, "yolo", yoloZip);

        assertEquals("0 0.15 0.2 0.1 0.2", Zips.text(yoloZip, "obj_train_data/frame_000100.txt").strip());
        assertEquals("0 0.15 0.2 0.1 0.2", Zips.text(yoloZip, "obj_train_data/frame_000101.txt").strip(),
                "no width and height: the video's original_size");
        assertEquals("0 0.15 0.2 0.1 0.2", Zips.text(yoloZip, "obj_train_data/frame_000102.txt").strip(),
                "its own 960x540 wins over the video's");
        assertEquals(3, result.report().totalOut());
    }

    @Test
    void framesLeftWithoutSizeAreReportedByTargetsThatNeedOne() throws IOException {
        // An images task exported as CVAT for video: no <original_size>, no frame images.
        Path input = write("no-size", jobHead("interpolation", "default", 100, 102, "") + TRACKS);

        ConversionResult toYolo = convert(input, "yolo", dir.resolve("yolo.zip"));
        ConversionResult toCoco = convert(input, "coco", dir.resolve("coco.zip"));

        assertTrue(reasons(toYolo).stream().anyMatch(r -> r.contains("dropped") && r.contains("bbox")
                && r.contains("the image size is unknown")), reasons(toYolo).toString());
        assertEquals(0, toYolo.report().annotationsOut().getOrDefault(org.labelbridge.model.AnnotationKind.BBOX, 0L));
        assertTrue(reasons(toCoco).stream().anyMatch(r -> r.contains("image size unknown: written as width 0 and"
                + " height 0")), reasons(toCoco).toString());
    }

    @Test
    void frameImagesGiveTheSizeWhenTheMetaStatesNone() throws IOException {
        Path input = write("frames", jobHead("interpolation", "default", 100, 102, "") + TRACKS);
        Path images = Files.createDirectories(input.resolve("images"));
        for (int frame = 100; frame <= 102; frame++) {
            ImageIO.write(new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB), "png",
                    images.resolve("frame_000" + frame + ".png").toFile());
        }
        Path yoloZip = dir.resolve("yolo.zip");

        ConversionResult result = convert(input, "yolo", yoloZip);

        assertEquals("0 0.15 0.2 0.1 0.2", Zips.text(yoloZip, "obj_train_data/frame_000100.txt").strip());
        assertTrue(reasons(result).stream().noneMatch(r -> r.contains("size")), reasons(result).toString());
    }
}
