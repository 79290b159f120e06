package org.labelbridge.format.mot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Track;

/**
 * Reads a MOT sequence. gt.txt need not be sorted by frame (MOT files are often sorted by
 * track), so its boxes are indexed by frame when the reader opens, as model records; the frames
 * are then given out in order and forgotten as they go.
 */
final class MotReader implements DatasetReader {

    /** CVAT and Datumaro write one record a line: the record number is the line number. */
    private static final CSVFormat ROWS = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

    /** One frame: its item id, its image (or null) and its boxes. */
    private static final class Frame {
        final String id;
        final String image;
        final List<Annotation> boxes = new ArrayList<>();

        Frame(String id, String image) {
            this.id = id;
            this.image = image;
        }
    }

    private final DatasetSource source;
    private final Problems problems;
    private final Categories categories;
    private final SeqInfo sequence;
    private final TreeMap<Long, Frame> frames = new TreeMap<>();
    /** Images in img1/ whose names are not frame numbers: items without boxes, given out last. */
    private final Deque<String> unnumbered = new ArrayDeque<>();

    MotReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        if (!source.exists(MotLayout.GT_FILE)) {
            throw FormatException.at(source.describe(MotLayout.GT_FILE), null,
                    "missing: a MOT sequence has its boxes in " + MotLayout.GT_FILE);
        }
        categories = Categories.ofNames(labels());
        sequence = source.exists(MotLayout.SEQINFO_FILE) ? SeqInfo.read(source, MotLayout.SEQINFO_FILE) : null;
        if (sequence != null) {
            indexSequence();
        } else {
            indexImages();
        }
        indexRows();
    }

    /** gt/labels.txt, else MOT's classes. Blank lines may end the file, not stand between names. */
    private List<String> labels() throws IOException {
        if (!source.exists(MotLayout.LABELS_FILE)) {
            problems.dataset("no " + MotLayout.LABELS_FILE + ": the labels are MOT's classes "
                    + MotLayout.DEFAULT_LABELS);
            return MotLayout.DEFAULT_LABELS;
        }
        String file = source.describe(MotLayout.LABELS_FILE);
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int blankLine = 0;
        try (BufferedReader in = TextFiles.open(source, MotLayout.LABELS_FILE)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String name = line.strip();
                if (name.isEmpty()) {
                    blankLine = blankLine == 0 ? number : blankLine;
                    continue;
                }
                if (blankLine != 0) {
                    throw FormatException.at(file, "line " + blankLine, "a blank line between label names: line n "
                            + "names class n, so a label cannot be empty");
                }
                if (!seen.add(name)) {
                    throw FormatException.at(file, "line " + number, "label '" + name + "' is listed twice");
                }
                names.add(name);
            }
        }
        return names;
    }

    /** seqinfo.ini: frames 1..seqLength, their images in imDir. */
    private void indexSequence() {
        for (long frame = 1; frame <= sequence.length(); frame++) {
            String image = sequence.imageDir() + "/" + MotLayout.frameName(frame) + sequence.imageExt();
            frames.put(frame, new Frame(MotLayout.frameName(frame), source.exists(image) ? image : null));
        }
    }

    /** The images of img1/: those named by a frame number are those frames. */
    private void indexImages() {
        for (String path : source.filesIn(MotLayout.IMAGES_DIR)) {
            if (!ImageFiles.isImage(path)) {
                continue;
            }
            String stem = ImageFiles.stripExtension(path.substring(MotLayout.IMAGES_DIR.length() + 1));
            long frame = stem.matches("\\d{1,18}") ? Long.parseLong(stem) : 0;
            if (frame < 1) {
                unnumbered.add(path);
            } else if (frames.containsKey(frame)) {
                problems.dataset(source.describe(path) + " is skipped: frame " + frame + " already has the image "
                        + frames.get(frame).image);
            } else {
                frames.put(frame, new Frame(stem, path));
            }
        }
    }

    private void indexRows() throws IOException {
        String file = source.describe(MotLayout.GT_FILE);
        int labelCount = categories.labels().size();
        try (Reader in = TextFiles.open(source, MotLayout.GT_FILE);
             CSVParser parser = ROWS.parse(in)) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                MotRow row = MotRow.parse(record, file, labelCount);
                frames.computeIfAbsent(row.frame(), frame -> new Frame(MotLayout.frameName(frame), null))
                        .boxes.add(box(row));
            }
        } catch (UncheckedIOException e) {
            throw FormatException.at(file, null, "not readable as comma-separated values (" + e.getMessage() + ")");
        }
    }

    /** The box of a row, with what Datumaro gives a ground-truth box: occluded, visibility, ignored. */
    private static Bbox box(MotRow row) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(MotLayout.OCCLUDED, row.visibility() <= 0);
        attributes.put(MotLayout.VISIBILITY, row.visibility());
        attributes.put(MotLayout.IGNORED, row.notIgnored() == 0);
        Track track = row.trackId() > 0 ? new Track(row.trackId() - 1, true, false) : null;
        Integer label = row.classId() == null ? null : row.classId() - 1;
        return new Bbox(new AnnotationInfo(label, 0, 0, 0, attributes, track), row.x(), row.y(), row.w(), row.h());
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        Map.Entry<Long, Frame> first = frames.pollFirstEntry();
        if (first != null) {
            Frame frame = first.getValue();
            return new Item(frame.id, Item.DEFAULT_SUBSET, media(frame.image), frame.boxes,
                    Map.of("frame", first.getKey() - 1));
        }
        String image = unnumbered.poll();
        if (image != null) {
            String stem = ImageFiles.stripExtension(image.substring(MotLayout.IMAGES_DIR.length() + 1));
            problems.item(stem, "the image " + image + " is not named by a frame number: an item without a frame");
            return new Item(stem, Item.DEFAULT_SUBSET, media(image), List.of());
        }
        return null;
    }

    /** The image and its size: seqinfo.ini's, else its header's. */
    private Media media(String image) throws IOException {
        if (sequence != null) {
            return new Media(image, sequence.width(), sequence.height());
        }
        return ImageHeaders.media(source, image);
    }
}
