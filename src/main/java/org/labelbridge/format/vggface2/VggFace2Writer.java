package org.labelbridge.format.vggface2;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.LabelFileNames;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Points;
import org.labelbridge.model.Tag;

/**
 * Writes {@code labels.txt}, per subset the two {@code bb_landmark/} CSV files (spooled as items
 * stream) and the images as {@code <subset>/<NAME_ID>}. An image holds one box, one set of 5
 * landmarks or one tag, all under the one label its folder names; the rest is reported.
 */
final class VggFace2Writer implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private Categories categories;
    private LabelFileNames folders;
    private final Map<String, CSVPrinter> boxFiles = new HashMap<>();
    private final Map<String, CSVPrinter> landmarkFiles = new HashMap<>();

    VggFace2Writer(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
        // Datumaro finds an image's label by its folder's name among labels.txt's first words (a
        // second word is a parent label): labels.txt lists the folder names, so they read back alike.
        this.folders = new LabelFileNames(categories, problems, "no other place keeps the real name (the folder"
                + " and labels.txt hold the label, which CVAT and Datumaro match by name)");
        try (Writer out = new OutputStreamWriter(output.entry(VggFace2Files.LABELS_FILE), StandardCharsets.UTF_8)) {
            for (int i = 0; i < categories.labels().size(); i++) {
                out.write(folders.of(i));
                out.write('\n');
            }
        }
    }

    @Override
    public void write(Item item) throws IOException {
        Bbox box = null;
        Points landmarks = null;
        Tag tag = null;
        for (Annotation a : item.annotations()) {
            if (a instanceof Bbox b) {
                if (box == null) {
                    box = b;
                } else {
                    problems.dropped(item.id(), AnnotationKind.BBOX, "a VGGFace2 image has one box");
                }
            } else if (a instanceof Points p) {
                if (p.size() != 5) {
                    problems.dropped(item.id(), AnnotationKind.POINTS, "VGGFace2 landmarks are 5 points, these are " + p.size());
                } else if (landmarks == null) {
                    landmarks = p;
                } else {
                    problems.dropped(item.id(), AnnotationKind.POINTS, "a VGGFace2 image has one set of landmarks");
                }
            } else if (a instanceof Tag t && t.label() != null) {
                if (tag == null) {
                    tag = t;
                } else {
                    problems.dropped(item.id(), AnnotationKind.TAG, "a VGGFace2 image has one label");
                }
            }
        }
        int label = labelOf(box, landmarks, tag);
        String folder = label < 0 ? VggFace2Files.NO_LABEL : folders.of(label);
        String id = FileNames.path(item.id());
        String labelPrefix = label < 0 ? folder + "/" : categories.nameOf(label) + "/";
        if (id.startsWith(labelPrefix)) {
            id = id.substring(labelPrefix.length());
        } else if (id.startsWith(folder + "/")) {
            id = id.substring(folder.length() + 1);
        }
        String nameId = folder + "/" + id;
        checkLabel(item.id(), box, label);
        checkLabel(item.id(), landmarks, label);
        if (landmarks != null && tag != null) {
            problems.dropped(item.id(), AnnotationKind.TAG, "the landmarks row of a VGGFace2 image carries its label;"
                    + " a separate tag is not kept");
        } else {
            checkLabel(item.id(), tag, label);
        }
        if (box != null) {
            List<String> row = new ArrayList<>(List.of(nameId, NumberText.of(box.x()), NumberText.of(box.y()),
                    NumberText.of(box.w()), NumberText.of(box.h())));
            file(boxFiles, item.subset(), VggFace2Files.boxesFile(item.subset()), VggFace2Files.BOX_COLUMNS).printRecord(row);
        }
        if (landmarks != null || tag != null || box == null) {
            List<String> row = new ArrayList<>(11);
            row.add(nameId);
            for (int i = 0; i < VggFace2Files.LANDMARK_COLUMNS.size(); i++) {
                row.add(landmarks == null ? "" : NumberText.of(landmarks.points()[i]));
            }
            if (landmarks != null && hasHiddenPoints(landmarks)) {
                problems.changed(item.id(), AnnotationKind.POINTS, "point visibility not kept: VGGFace2 landmarks are all visible");
            }
            file(landmarkFiles, item.subset(), VggFace2Files.landmarksFile(item.subset()),
                    VggFace2Files.LANDMARK_COLUMNS).printRecord(row);
        }
        String extension = item.media().extension().isEmpty() ? VggFace2Files.DEFAULT_IMAGE_EXT : item.media().extension();
        output.copyMedia(item.media(), item.subset() + "/" + nameId + extension);
    }

    /** The label of the image (its folder): the label of its box, else of its landmarks, else of its tag; -1 for none. */
    private static int labelOf(Annotation... annotations) {
        for (Annotation a : annotations) {
            if (a != null && a.label() != null) {
                return a.label();
            }
        }
        return -1;
    }

    private void checkLabel(String itemId, Annotation a, int label) {
        if (a != null && a.label() != null && a.label() != label) {
            problems.changed(itemId, a.kind(), "label '" + categories.nameOf(a.label()) + "' becomes '"
                    + categories.nameOf(label) + "': a VGGFace2 image has one label, its folder");
        }
    }

    private static boolean hasHiddenPoints(Points points) {
        for (int i = 0; i < points.size(); i++) {
            if (points.visibility(i) != Points.VISIBLE) {
                return true;
            }
        }
        return false;
    }

    private CSVPrinter file(Map<String, CSVPrinter> files, String subset, String path, List<String> columns)
            throws IOException {
        CSVPrinter printer = files.get(subset);
        if (printer == null) {
            Writer out = new OutputStreamWriter(output.deferred(path), StandardCharsets.UTF_8);
            printer = new CSVPrinter(out, VggFace2Files.CSV);
            List<String> header = new ArrayList<>();
            header.add(VggFace2Files.NAME_ID);
            header.addAll(columns);
            printer.printRecord(header);
            files.put(subset, printer);
        }
        return printer;
    }

    @Override
    public void finish() throws IOException {
        for (CSVPrinter printer : boxFiles.values()) {
            printer.close(true);
        }
        for (CSVPrinter printer : landmarkFiles.values()) {
            printer.close(true);
        }
    }
}
