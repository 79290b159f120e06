package org.labelbridge.format.imagenet;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.AnnotationKind;

/**
 * ImageNet 1.0: image-level labels, as label folders of images or as {@code <subset>.txt}
 * lines. Like CVAT, it writes the folder layout when images are kept, the text layout when not.
 */
public final class ImageNetFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("imagenet", "ImageNet 1.0", true, true,
            Set.of(AnnotationKind.TAG), Set.of(Feature.SUBSETS), "");

    /**
     * Folder names that say the images belong to another layout (an image folder, Market-1501's
     * query and gallery folders), not to a label.
     */
    private static final Set<String> NOT_LABEL_FOLDERS = Set.of("images", "imagesets", "annotations", "labels",
            "masks", "jpegimages", "query");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Detection detect(DatasetSource source) throws IOException {
        List<String> subsetFiles = ImageNetFiles.subsetFiles(source);
        if (!subsetFiles.isEmpty()) {
            return detectText(source, subsetFiles);
        }
        return detectFolders(source);
    }

    /** Every line of the first kilobytes of each subset file is {@code name index...}, one at least with an index. */
    private static Detection detectText(DatasetSource source, List<String> subsetFiles) throws IOException {
        boolean indexSeen = false;
        for (String file : subsetFiles) {
            String head = TextFiles.head(source, file, 4096);
            String[] lines = head.split("\n", -1);
            int complete = source.size(file) >= 0 && source.size(file) <= 4096 ? lines.length : lines.length - 1;
            for (int i = 0; i < complete; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    indexSeen |= !ImageNetLine.parse(lines[i]).labels().isEmpty();
                } catch (IllegalArgumentException e) {
                    return Detection.NONE;
                }
            }
        }
        if (!indexSeen) {
            return Detection.NONE;
        }
        String labels = ImageNetFiles.labelsFile(source);
        return labels != null
                ? Detection.strong(subsetFiles.get(0) + " (image name and label indices), " + labels)
                : Detection.medium(subsetFiles.get(0) + " (image name and label indices)");
    }

    /** Only images, in the root or one folder deep, at least one in a folder that may be a label. */
    private static Detection detectFolders(DatasetSource source) {
        String example = null;
        for (String path : source.files()) {
            int depth = path.split("/").length;
            if (depth > 2 || !ImageFiles.isImage(path)) {
                return Detection.NONE;
            }
            if (depth == 2) {
                String folder = path.substring(0, path.indexOf('/'));
                String lower = folder.toLowerCase(Locale.ROOT);
                if (NOT_LABEL_FOLDERS.contains(lower) || lower.startsWith("bounding_box_")) {
                    return Detection.NONE;
                }
                example = example == null ? path : example;
            }
        }
        return example == null ? Detection.NONE : Detection.weak("only images, in label folders (" + example + ")");
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return ImageNetFiles.subsetFiles(source).isEmpty()
                ? new ImageNetFolderReader(source, problems)
                : new ImageNetTxtReader(source);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return output.keepsMedia() ? new ImageNetWriter(output, problems) : new ImageNetTxtWriter(output, problems);
    }
}
