package org.labelbridge.format.ultralytics;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;

/**
 * Ultralytics YOLO Classification: {@code <subset>/<label>/<image>}, no data.yaml, and CVAT's
 * optional {@code <subset>/labels.json}. See the package documentation.
 */
public final class UltralyticsClassificationFormat implements Format {

    private static final String DATASET_META = "dataset_meta.json";
    /** Folder names that are subsets: below a subset they say the subsets are a level further down. */
    private static final Set<String> SUBSET_NAMES = Set.of("train", "training", "val", "valid", "validation", "test",
            "testing");

    @Override
    public FormatDescriptor descriptor() {
        return UltralyticsTask.CLASSIFICATION.descriptor();
    }

    /**
     * Subset folders of label folders that hold only images, two levels below the root. Folders
     * side by side holding the same file names are an image folder and its masks (KITTI), and
     * label folders named like subsets mean the subsets are further down (Cityscapes): both are
     * declined.
     */
    @Override
    public Detection detect(DatasetSource source) {
        if (!UltralyticsLayout.yamlFiles(source).isEmpty()) {
            return Detection.NONE;
        }
        boolean labelsJson = false;
        String example = null;
        Map<String, long[]> folders = new HashMap<>(); // "<subset>/<label>" -> {files, sum of name hashes}
        for (String file : source.files()) {
            String[] parts = file.split("/", 3);
            if (parts.length == 1) {
                continue; // a README beside the subsets
            }
            if (parts.length == 2) {
                if (parts[1].equals(LabelsJson.FILE)) {
                    labelsJson = true;
                } else if (!parts[1].equals(DATASET_META)) {
                    return Detection.NONE;
                }
                continue;
            }
            if (!ImageFiles.isUltralyticsImage(file) || SUBSET_NAMES.contains(parts[1].toLowerCase(Locale.ROOT))) {
                return Detection.NONE;
            }
            example = example == null ? file : example;
            long[] stems = folders.computeIfAbsent(parts[0] + "/" + parts[1], k -> new long[2]);
            stems[0]++;
            stems[1] += ImageFiles.stripExtension(parts[2]).hashCode();
        }
        if ((example == null && !labelsJson) || parallelFolders(folders)) {
            return Detection.NONE;
        }
        return labelsJson ? Detection.medium("<subset>/labels.json" + (example == null ? " (no images)"
                : " and subset/label/image folders (" + example + ")"))
                : Detection.weak("only images, in subset/label folders (" + example + ")");
    }

    /** Whether some subset's label folders (two or more) all hold the same file names. */
    private static boolean parallelFolders(Map<String, long[]> folders) {
        Map<String, Set<String>> signatures = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        folders.forEach((folder, stems) -> {
            String subset = folder.substring(0, folder.indexOf('/'));
            signatures.computeIfAbsent(subset, s -> new HashSet<>()).add(stems[0] + ":" + stems[1]);
            counts.merge(subset, 1, Integer::sum);
        });
        return signatures.entrySet().stream().anyMatch(e -> counts.get(e.getKey()) > 1 && e.getValue().size() == 1);
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new ClassificationReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new ClassificationWriter(output, problems);
    }
}
