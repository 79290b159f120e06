package org.labelbridge.format.yolo;

import java.io.IOException;
import org.labelbridge.format.common.ImagesMeta;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;

/** YOLO 1.1, darknet's layout as CVAT exports it; also reads Datumaro's 'loose' layout. */
public final class YoloFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("yolo", "YOLO 1.1", true, true,
            Set.of(AnnotationKind.BBOX), Set.of(Feature.SUBSETS), "");

    /** How much of a file the detector reads. */
    private static final int PEEK = 4096;

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Detection detect(DatasetSource source) throws IOException {
        if (source.exists(YoloLayout.OBJ_DATA)) {
            return detectDarknet(source);
        }
        if (source.exists(YoloLayout.OBJ_NAMES)) {
            String folder = LooseEntries.annotationFolder(source);
            if (folder != null) {
                return looksLikeLabels(source, folder)
                        ? Detection.medium(YoloLayout.OBJ_NAMES + " and label lines in " + folder + "/")
                        : Detection.weak(YoloLayout.OBJ_NAMES + " and " + folder + "/");
            }
        }
        return Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        ImagesMeta meta = source.exists(YoloLayout.IMAGES_META)
                ? ImagesMeta.read(source, YoloLayout.IMAGES_META) : ImagesMeta.NONE;
        if (source.exists(YoloLayout.OBJ_DATA)) {
            ObjData objData = ObjData.read(source, YoloLayout.OBJ_DATA);
            Categories categories = ObjNames.read(source, namesPath(source, objData), problems);
            reportClassCount(source, objData, categories, problems);
            return new YoloReader(source, problems, categories, new DarknetEntries(source, objData, problems),
                    meta, true);
        }
        if (source.exists(YoloLayout.OBJ_NAMES)) {
            String folder = LooseEntries.annotationFolder(source);
            if (folder != null) {
                Categories categories = ObjNames.read(source, YoloLayout.OBJ_NAMES, problems);
                return new YoloReader(source, problems, categories, new LooseEntries(source, folder, problems),
                        meta, false);
            }
        }
        throw new FormatException(source.describe("") + ": not a YOLO dataset: expected " + YoloLayout.OBJ_DATA
                + " (darknet layout), or " + YoloLayout.OBJ_NAMES + " with label files in one of "
                + LooseEntries.ANNOTATION_FOLDERS + " (loose layout)");
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new YoloWriter(output, problems);
    }

    private static Detection detectDarknet(DatasetSource source) throws IOException {
        String head = TextFiles.head(source, YoloLayout.OBJ_DATA, PEEK);
        int number = 0;
        for (String line : head.split("\\R")) {
            ObjData.Entry entry = ObjData.parse(line, ++number);
            if (entry != null && (entry.key().equals("names") || entry.key().equals("classes"))) {
                return Detection.strong(YoloLayout.OBJ_DATA + " with '" + entry.key() + "'");
            }
        }
        return source.exists(YoloLayout.OBJ_NAMES)
                ? Detection.medium(YoloLayout.OBJ_DATA + " and " + YoloLayout.OBJ_NAMES) : Detection.NONE;
    }

    /** Whether the first non-blank line of the folder's first non-empty label file is five numbers. */
    private static boolean looksLikeLabels(DatasetSource source, String folder) throws IOException {
        int tried = 0;
        for (String file : source.filesUnder(folder)) {
            if (!file.endsWith(YoloLayout.LABELS_EXTENSION)) {
                continue;
            }
            String head = TextFiles.head(source, file, 512);
            for (String line : head.split("\\R")) {
                if (!line.isBlank()) {
                    return line.strip().matches("\\d+(\\s+[-+]?[0-9.eE+-]+){4}");
                }
            }
            if (++tried == 5) {
                break;
            }
        }
        return false;
    }

    private static String namesPath(DatasetSource source, ObjData objData) throws FormatException {
        ObjData.Entry names = objData.get("names");
        if (names == null) {
            if (source.exists(YoloLayout.OBJ_NAMES)) {
                return YoloLayout.OBJ_NAMES;
            }
            throw FormatException.at(source.describe(YoloLayout.OBJ_DATA), null,
                    "expected a 'names = <file>' line naming the label list (obj.names)");
        }
        String path = YoloLayout.locate(source, names.value());
        if (path == null) {
            throw FormatException.at(source.describe(YoloLayout.OBJ_DATA), "line " + names.line(),
                    "the label list '" + names.value() + "' is not in the dataset");
        }
        return path;
    }

    private static void reportClassCount(DatasetSource source, ObjData objData, Categories categories,
                                         Problems problems) {
        ObjData.Entry classes = objData.get("classes");
        if (classes != null && !classes.value().equals(String.valueOf(categories.labels().size()))) {
            problems.dataset(source.describe(YoloLayout.OBJ_DATA) + ", line " + classes.line() + ": classes = "
                    + classes.value() + ", but obj.names has " + categories.labels().size()
                    + " labels; the names are used");
        }
    }
}
