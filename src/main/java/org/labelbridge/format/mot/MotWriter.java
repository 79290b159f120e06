package org.labelbridge.format.mot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Track;

/**
 * Writes labels.txt at once, a gt.txt row per visible box as items stream (spooled, it is
 * added when the output finishes) and each frame's image as {@code img1/000001.<ext>}.
 */
final class MotWriter implements DatasetWriter {

    private static final Set<String> KEPT_ATTRIBUTES =
            Set.of(MotLayout.OCCLUDED, MotLayout.VISIBILITY, MotLayout.IGNORED);

    private final DatasetOutput output;
    private final Problems problems;
    private final Set<Long> usedFrames = new HashSet<>();
    private long nextFrame = 1;
    private Writer rows;
    private boolean idsReported;

    MotWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        List<String> names = new ArrayList<>();
        for (Label label : categories.labels()) {
            if (!label.attributes().isEmpty()) {
                problems.dataset("label '" + label.name() + "' loses its attribute declarations: "
                        + MotLayout.LABELS_FILE + " holds label names only");
            }
            if (label.hasParent()) {
                problems.dataset("label '" + label.name() + "' loses its parent '" + label.parent() + "': "
                        + MotLayout.LABELS_FILE + " holds label names only");
            }
            String name = label.name().strip();
            if (name.isEmpty() || name.contains("\n") || name.contains("\r")) {
                problems.dataset("label '" + label.name() + "' is written as '" + oneLine(name) + "': a line of "
                        + MotLayout.LABELS_FILE + " holds one non-blank name");
                name = oneLine(name);
            }
            names.add(name);
        }
        try (OutputStream out = output.entry(MotLayout.LABELS_FILE)) {
            out.write(String.join("\n", names).getBytes(StandardCharsets.UTF_8));
        }
        rows = new OutputStreamWriter(output.deferred(MotLayout.GT_FILE), StandardCharsets.UTF_8);
    }

    private static String oneLine(String name) {
        String line = name.replaceAll("[\\r\\n]+", " ").strip();
        return line.isEmpty() ? "_" : line;
    }

    @Override
    public void write(Item item) throws IOException {
        long frame = frameOf(item);
        String name = MotLayout.frameName(frame);
        if (!idsReported && !item.id().equals(name)) {
            idsReported = true;
            problems.dataset("item ids are not kept: MOT names each frame by its number ('" + item.id()
                    + "' is written as " + name + ")");
        }
        List<String> lostAttributes = new ArrayList<>(item.attributes().keySet());
        lostAttributes.remove("frame");
        if (!lostAttributes.isEmpty()) {
            problems.item(item.id(), "item attributes " + lostAttributes
                    + " not kept: MOT keeps only the frame number");
        }
        int written = 0;
        for (Annotation annotation : item.annotations()) {
            if (row(item.id(), frame, annotation)) {
                written++;
            }
        }
        boolean copied = false;
        if (output.keepsMedia() && item.media().hasPath()) {
            String extension = item.media().extension();
            copied = output.copyMedia(item.media(), MotLayout.IMAGES_DIR + "/" + name
                    + (extension.isEmpty() ? MotLayout.DEFAULT_IMAGE_EXT : extension));
            if (!copied) {
                problems.item(item.id(), "image " + item.media().path() + " is not in the source; not copied");
            }
        }
        if (written == 0 && !copied) {
            problems.droppedItem(item.id(), "no box and no image: nothing in a MOT sequence brings this frame back");
        }
    }

    /**
     * The item's MOT frame: its {@code frame} attribute plus one (MOT counts from 1, CVAT from 0),
     * else its id when that is a number (Datumaro's rule), else the next free number.
     */
    private long frameOf(Item item) {
        Long wanted = null;
        if (item.frame() != null && item.frame() >= 0 && item.frame() < Long.MAX_VALUE) {
            wanted = item.frame() + 1;
        } else if (item.id().matches("\\d{1,18}") && Long.parseLong(item.id()) > 0) {
            wanted = Long.parseLong(item.id());
        }
        if (wanted != null && usedFrames.add(wanted)) {
            return wanted;
        }
        while (!usedFrames.add(nextFrame)) {
            nextFrame++;
        }
        if (wanted != null) {
            problems.item(item.id(), "MOT frame " + wanted + " is taken; written as frame " + nextFrame);
        }
        return nextFrame;
    }

    /** Writes the box's row; false when it is not written (reported). */
    private boolean row(String itemId, long frame, Annotation annotation) throws IOException {
        AnnotationKind kind = annotation.kind();
        if (!(annotation instanceof Bbox box)) {
            problems.dropped(itemId, kind, "MOT 1.1 holds only boxes");
            return false;
        }
        if (box.rotation() != 0) {
            problems.dropped(itemId, kind, "rotated: MOT boxes are axis-aligned");
            return false;
        }
        if (!Double.isFinite(box.x()) || !Double.isFinite(box.y()) || !Double.isFinite(box.w())
                || !Double.isFinite(box.h())) {
            problems.dropped(itemId, kind, "a coordinate is not a finite number");
            return false;
        }
        long trackId = -1;
        Track track = annotation.info().track();
        if (track != null) {
            if (track.id() >= 0 && track.id() < Long.MAX_VALUE) {
                trackId = track.id() + 1;
            } else {
                problems.changed(itemId, kind, "track id " + track.id() + " cannot be a MOT track id (MOT's are "
                        + "the model's plus one, from 1): written as a box without a track");
            }
            if (!track.keyframe()) {
                problems.changed(itemId, kind, "keyframe=false is not kept: every MOT box reads back as a keyframe");
            }
        }
        Map<String, Object> attributes = annotation.attributes();
        List<String> lost = new ArrayList<>();
        for (String name : attributes.keySet()) {
            if (!KEPT_ATTRIBUTES.contains(name)) {
                lost.add(name);
            }
        }
        if (!lost.isEmpty()) {
            problems.changed(itemId, kind, "attributes " + lost + " not kept: MOT holds visibility, ignored and "
                    + "occluded");
        }
        double visibility = visibility(itemId, attributes);
        Object ignored = attributes.get(MotLayout.IGNORED);
        if (ignored != null && !(ignored instanceof Boolean)) {
            problems.changed(itemId, kind, "attribute 'ignored' is " + ignored + ", not true or false: written as "
                    + "not ignored");
        }
        String classId = annotation.label() == null ? "-1" : Integer.toString(annotation.label() + 1);
        rows.write(frame + "," + trackId + "," + NumberText.of(box.x()) + "," + NumberText.of(box.y()) + ","
                + NumberText.of(box.w()) + "," + NumberText.of(box.h()) + "," + (Boolean.TRUE.equals(ignored) ? 0 : 1)
                + "," + classId + "," + NumberText.of(visibility) + "\n");
        return true;
    }

    /**
     * The visibility column: the {@code visibility} attribute, else 0 for an occluded box and 1
     * otherwise, as Datumaro writes it. A box reads back occluded exactly when it is 0 or less.
     */
    private double visibility(String itemId, Map<String, Object> attributes) {
        Object occludedValue = attributes.get(MotLayout.OCCLUDED);
        boolean occluded = Boolean.TRUE.equals(occludedValue);
        Object given = attributes.get(MotLayout.VISIBILITY);
        if (given != null && !(given instanceof Number number && Double.isFinite(number.doubleValue()))) {
            problems.changed(itemId, AnnotationKind.BBOX, "attribute 'visibility' is " + given + ", not a number: "
                    + "written from occluded");
            given = null;
        }
        if (given == null) {
            return occluded ? 0 : 1;
        }
        double visibility = ((Number) given).doubleValue();
        if (occludedValue instanceof Boolean && occluded != visibility <= 0) {
            problems.changed(itemId, AnnotationKind.BBOX, "occluded=" + occluded + " is not kept with visibility "
                    + NumberText.of(visibility) + ": MOT keeps the visibility, and a box reads back occluded only "
                    + "at visibility 0");
        }
        return visibility;
    }

    @Override
    public void finish() throws IOException {
        rows.close();
    }
}
