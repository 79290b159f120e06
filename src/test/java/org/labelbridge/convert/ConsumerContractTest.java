package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.CorpusMatrix;

/**
 * What every consumer needs of every output, over the whole corpus and every writable target:
 * every path is clean and relative, and an output is either a dataset holding at least the
 * files its importer looks for (CVAT's Datumaro importers; see each format's package-info) or
 * a failed conversion with a one-line reason.
 */
class ConsumerContractTest {

    /** Per target, the files its importer looks for: an output must hold one of them. */
    private static final Map<String, Pattern> LOOKED_FOR = Map.ofEntries(
            Map.entry("coco", Pattern.compile("annotations/[^/]+_[^/]+\\.json")),
            Map.entry("coco_keypoints", Pattern.compile("annotations/person_keypoints_[^/]+\\.json")),
            Map.entry("cvat_images", Pattern.compile("[^/]+\\.xml")),
            Map.entry("cvat_video", Pattern.compile("[^/]+\\.xml")),
            Map.entry("datumaro", Pattern.compile("annotations/[^/]+\\.json")),
            Map.entry("voc", Pattern.compile("ImageSets/(Main|Segmentation|Action|Layout)/[^/]+\\.txt")),
            Map.entry("yolo", Pattern.compile("obj\\.data")),
            Map.entry("segmentation_mask", Pattern.compile("ImageSets/Segmentation/[^/]+\\.txt")),
            // folder layout: an image in a label folder; text layout: a <subset>.txt (not the labels file)
            Map.entry("imagenet", Pattern.compile("[^/]+/[^/]+\\.(jpg|jpeg|png|bmp|gif|tif|tiff|webp)|(?!synsets)[^/]+\\.txt",
                    Pattern.CASE_INSENSITIVE)),
            Map.entry("wider_face", Pattern.compile("wider_face_split/wider_face_[^/]+_bbx_gt\\.txt")),
            Map.entry("vggface2", Pattern.compile("bb_landmark/loose_(bb|landmark)_[^/]+\\.csv")),
            Map.entry("market1501", Pattern.compile("(bounding_box_[^/]+|query)/.+|images_[^/]+\\.txt")),
            Map.entry("lfw", Pattern.compile("(.+/)?annotations/pairs\\.txt")),
            Map.entry("icdar_recognition", Pattern.compile(".+\\.txt")),
            Map.entry("icdar_localization", Pattern.compile(".+\\.txt")),
            Map.entry("icdar_segmentation", Pattern.compile(".+\\.txt")),
            Map.entry("open_images", Pattern.compile("annotations/.+\\.csv")),
            Map.entry("labelme", Pattern.compile(".+\\.xml")),
            Map.entry("camvid", Pattern.compile("(?!label_colors)[^/]+\\.txt")),
            Map.entry("cityscapes", Pattern.compile("gtFine/.+_gtFine_instanceIds\\.png|gtFine/.+_labelTrainIds\\.png"
                    + "|imgsFine/leftImg8bit/.+_leftImg8bit\\.[^/]+")),
            Map.entry("kitti", Pattern.compile("(.+/)?label_2/.+\\.txt|(.+/)?instance/.+\\.png")),
            Map.entry("mot", Pattern.compile("gt/gt\\.txt")),
            Map.entry("mots", Pattern.compile("([^/]+/)?instances/[^/]+")),
            Map.entry("ultralytics_detection", Pattern.compile("data\\.yaml")),
            Map.entry("ultralytics_detection_track", Pattern.compile("data\\.yaml")),
            Map.entry("ultralytics_segmentation", Pattern.compile("data\\.yaml")),
            Map.entry("ultralytics_obb", Pattern.compile("data\\.yaml")),
            Map.entry("ultralytics_pose", Pattern.compile("data\\.yaml")),
            Map.entry("ultralytics_classification", Pattern.compile("[^/]+/.+")),
            Map.entry("datumaro_3d", Pattern.compile("annotations/[^/]+\\.json")),
            Map.entry("kitti_raw", Pattern.compile("tracklet_labels\\.xml")),
            Map.entry("sly_pointcloud", Pattern.compile("meta\\.json")),
            Map.entry("label_studio", Pattern.compile("tasks\\.json")));

    @TempDir
    Path tmp;

    @Test
    void everyOutputIsCleanAndHoldsWhatItsImporterLooksForOrFailsWithAReason() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String sample : CorpusMatrix.samples()) {
            for (Format target : CorpusMatrix.targets()) {
                CorpusMatrix.Outcome outcome = CorpusMatrix.convert(sample, target.id(), tmp);
                broken.addAll(breaches(outcome.toString(), target.id(), outcome.output(), outcome.failure()));
            }
        }
        assertEquals(List.of(), broken);
    }

    /** How one conversion's output (or failure) breaks the contract; empty when it keeps it. */
    static List<String> breaches(String conversion, String target, Path output, Exception failure) throws IOException {
        List<String> broken = new ArrayList<>();
        if (failure != null) {
            String reason = String.valueOf(failure.getMessage());
            if (!(failure instanceof FormatException) || reason.contains("\n")
                    || reason.contains("clean relative path") || reason.contains("absolute path")) {
                broken.add(conversion + " failed without a one-line reason: " + failure.getClass().getSimpleName()
                        + ": " + reason);
            }
            return broken;
        }
        List<String> files = files(output);
        files.stream().filter(f -> !isCleanRelative(f)).forEach(f -> broken.add(conversion + ": unclean path " + f));
        Pattern lookedFor = LOOKED_FOR.get(target);
        if (lookedFor == null) {
            broken.add(conversion + ": no consumer contract for target " + target);
        } else if (files.stream().noneMatch(f -> lookedFor.matcher(f).matches())) {
            broken.add(conversion + ": nothing its importer looks for (" + lookedFor + ") in " + files);
        }
        return broken;
    }

    /** Relative, '/'-separated, no empty, '.' or '..' segment, no backslash. */
    static boolean isCleanRelative(String path) {
        if (path.startsWith("/") || path.indexOf('\\') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
