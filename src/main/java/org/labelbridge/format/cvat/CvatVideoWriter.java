package org.labelbridge.format.cvat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.SafeXml;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.Track;

/**
 * Writes CVAT for video 1.1 as CVAT exports a project in interpolation mode:
 * {@code annotations.xml} with a meta (one task per subset, each with its frame size), then
 * one {@code <track>} per track with its shapes frame by frame, and each frame's image as
 * {@code images/<subset>/frame_000010.<ext>}.
 *
 * <p>Tracks force grouping: items bring shapes frame by frame, the XML lists them track by
 * track. Each shape is converted as it arrives (as the images writer converts it) and spooled
 * to a temporary file ({@link TrackSpool}); what stays in memory is a frame and an offset per
 * shape (16 bytes), a head per track and the frame numbers per task (with the offset of a
 * visible shape on each). At the end the tracks are
 * written in id order, each one's shapes read back in frame order.
 *
 * <p>Tracks are rebuilt from the model's {@link Track}s: the shapes of one track id (and one
 * label, kind, group and source, which a CVAT track has one of) in frame order, keyframe and
 * outside as the model says; CVAT's track id is the model's (a track split into several
 * {@code <track>}s keeps it on the first, the others are numbered after the highest id). Where a visible shape is not
 * followed on the task's next frame by a shape of its track, the track is closed there by an
 * outside copy of it, as CVAT ends a track, so that nothing is interpolated over frames where
 * the object was not annotated. Shapes without a track become single-frame tracks (the shape,
 * then its outside copy on the next frame), numbered after the highest track id, as CVAT dumps
 * them. Every attribute is written on every shape, as CVAT does; the meta declares mutable those
 * whose value changes along a track. Tags never reach it: a CVAT video dump holds none (the
 * descriptor says so). The outside copies that end tracks read back as shapes hidden at their
 * frame, so each is reported as one more shape written. An item with no shape and no image comes
 * back only by the tracks that end on it: it is kept when the frame before it (of those written so
 * far) has a visible shape, and then gets an ending even when items come out of frame order;
 * otherwise it is reported dropped, and no track ends on it.
 */
final class CvatVideoWriter implements DatasetWriter {

    static final String FORMAT_NAME = "CVAT for video 1.1";

    /** Annotation attributes CVAT for video holds as track data, never as {@code <attribute>}s. */
    private static final List<String> TRACK_ATTRIBUTES = List.of("keyframe", "outside", "track_id");

    /** The outside copy that ends a track reads back as one more shape, hidden at that frame. */
    private static final String TRACK_CLOSED = "a track's shape before a frame where the track has none is"
            + " followed by an outside copy on that frame, as CVAT ends a track (read back as a hidden shape)";
    private static final String SINGLE_FRAME_TRACK = "a shape without a track is written as a single-frame"
            + " track: the shape, then an outside copy on the next frame that ends it, as CVAT dumps shapes"
            + " (read back as a hidden shape)";

    private final DatasetOutput output;
    private final Problems problems;
    private final Map<String, VideoTask> tasks = new LinkedHashMap<>();
    private final Map<TrackKey, TrackShapes> tracks = new LinkedHashMap<>();
    /** The first {@code <track>} of each track id in each subset, to report tracks that split. */
    private final Map<TrackRef, TrackKey> firstKeys = new HashMap<>();
    private Categories categories;
    private AttributeDeclarations declarations;
    private CvatShapes shapes;
    private TrackSpool spool;
    private long maxTrackId = Long.MIN_VALUE;
    private boolean idsReported;
    private boolean plainReported;

    /** One subset: one task, its frames, its frame size and its shapes without a track. */
    private static final class VideoTask {
        final TaskFrames frames;
        final ShapeList plain = new ShapeList();
        /** The frames in the output: a shape, an image or the end of a track brings them back. */
        final TreeSet<Long> written = new TreeSet<>();
        /** Frames with a visible shape (the spool offset of the first): their tracks end on the next frame. */
        final Map<Long, Long> visibleShapes = new HashMap<>();
        /** Frames kept with nothing of their own, each with the earlier frame whose tracks end on it. */
        final Map<Long, Long> endingFrames = new HashMap<>();
        CvatMeta.Size size;
        long[] sortedFrames;

        VideoTask(TaskFrames frames) {
            this.frames = frames;
        }

        /** The task's first frame after {@code frame}, or -1 (frames are never negative). */
        long nextFrame(long frame) {
            int at = Arrays.binarySearch(sortedFrames, frame);
            int next = at >= 0 ? at + 1 : -at - 1;
            return next < sortedFrames.length ? sortedFrames[next] : -1;
        }
    }

    /** What one {@code <track>} shares: CVAT gives a track one label, one kind, one group, one source. */
    private record TrackKey(String subset, long id, String element, String label, int group, String source) {
    }

    private record TrackRef(String subset, long id) {
    }

    /** The spooled shapes of one {@code <track>}, and the attribute values of its first shape. */
    private static final class TrackShapes {
        final TrackKey key;
        final ShapeList shapes = new ShapeList();
        final Map<AttributeKey, Object> firstValues;

        TrackShapes(TrackKey key, Map<AttributeKey, Object> firstValues) {
            this.key = key;
            this.firstValues = firstValues;
        }
    }

    /** An attribute of a label (the shape's, or a skeleton node's). */
    private record AttributeKey(int label, String name) {
    }

    /** Frames and spool offsets of shapes in primitive arrays: 16 bytes a shape. */
    private static final class ShapeList {
        private long[] frames = new long[4];
        private long[] offsets = new long[4];
        private int size;

        void add(long frame, long offset) {
            if (size == frames.length) {
                frames = Arrays.copyOf(frames, size * 2);
                offsets = Arrays.copyOf(offsets, size * 2);
            }
            frames[size] = frame;
            offsets[size++] = offset;
        }

        int size() {
            return size;
        }

        long frame(int i) {
            return frames[i];
        }

        long offset(int i) {
            return offsets[i];
        }

        /** The first frame after shape {@code i} that is not its own, or -1. */
        long nextOtherFrame(int i) {
            for (int j = i + 1; j < size; j++) {
                if (frames[j] != frames[i]) {
                    return frames[j];
                }
            }
            return -1;
        }

        /** Sorts by frame, shapes of one frame in the order they came (items rarely come unsorted). */
        void sortByFrame() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = frames[i - 1] <= frames[i];
            }
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> frames[i]));
            long[] sortedFrames = new long[size];
            long[] sortedOffsets = new long[size];
            for (int i = 0; i < size; i++) {
                sortedFrames[i] = frames[order[i]];
                sortedOffsets[i] = offsets[order[i]];
            }
            frames = sortedFrames;
            offsets = sortedOffsets;
        }
    }

    CvatVideoWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
        this.declarations = new AttributeDeclarations(categories);
        this.shapes = new CvatShapes(categories, declarations, problems, FORMAT_NAME);
        CvatMetaWriter.reportLostParents(categories, problems);
        spool = new TrackSpool();
    }

    @Override
    public void write(Item item) throws IOException {
        VideoTask task = tasks.computeIfAbsent(item.subset(),
                s -> new VideoTask(new TaskFrames(s, tasks.size(), "its frame number")));
        long frame = task.frames.frameOf(item, problems);
        String frameName = CvatLayout.frameName(frame);
        if (!idsReported && !item.id().equals(frameName)) {
            idsReported = true;
            problems.dataset("item ids are not kept: CVAT for video names each item by its frame number ('"
                    + item.id() + "' is written as " + frameName + ")");
        }
        List<String> lostAttributes = new ArrayList<>(item.attributes().keySet());
        lostAttributes.remove("frame");
        if (!lostAttributes.isEmpty()) {
            problems.item(item.id(), "item attributes " + lostAttributes + " not kept: " + FORMAT_NAME
                    + " keeps only the frame number");
        }
        frameSize(task, item);
        int spooled = 0;
        for (Annotation annotation : item.annotations()) {
            if (spool(item.id(), task, frame, annotation)) {
                spooled++;
            }
        }
        boolean copied = false;
        if (output.keepsMedia() && item.media().hasPath()) {
            String extension = item.media().extension();
            String target = CvatLayout.IMAGES_DIR + "/" + item.subset() + "/" + frameName
                    + (extension.isEmpty() ? ".jpg" : extension);
            copied = output.copyMedia(item.media(), target);
            if (!copied) {
                problems.item(item.id(), "image " + item.media().path() + " is not in the source; not copied");
            }
        }
        if (spooled > 0 || copied) {
            task.written.add(frame);
            return;
        }
        Long previous = task.written.lower(frame);
        if (previous != null && task.visibleShapes.containsKey(previous)) {
            task.written.add(frame); // the tracks visible on the frame before end here, which brings it back
            task.endingFrames.put(frame, previous);
        } else {
            problems.droppedItem(item.id(), "no shape and no image: nothing in a CVAT video dump brings this frame back");
        }
    }

    /** A task has one frame size: the first one known; other sizes are reported. */
    private void frameSize(VideoTask task, Item item) {
        Media media = item.media().hasSize() ? item.media() : CvatImagesWriter.sizeFromMasks(item, problems);
        if (!media.hasSize()) {
            problems.item(item.id(), "image size unknown: it reads back as the frame size of its task");
            return;
        }
        CvatMeta.Size size = new CvatMeta.Size(media.width(), media.height());
        if (task.size == null) {
            task.size = size;
        } else if (!task.size.equals(size)) {
            problems.item(item.id(), "image size " + size.width() + "x" + size.height() + " is not kept: a CVAT "
                    + "video task has one frame size, " + task.size.width() + "x" + task.size.height());
        }
    }

    /** Converts and spools one annotation; false when it is not written (reported). */
    private boolean spool(String itemId, VideoTask task, long frame, Annotation annotation) throws IOException {
        AnnotationKind kind = annotation.kind();
        Annotation written = withoutTrackAttributes(itemId, annotation);
        CvatShape shape = shapes.convert(itemId, written);
        if (shape == null) {
            return false;
        }
        Track track = annotation.info().track();
        if (track == null) {
            if (!plainReported) {
                plainReported = true;
                problems.dataset("shapes without a track are written as single-frame tracks, as CVAT writes them "
                        + "in a video dump; they read back as tracks");
            }
            long offset = spool.append(shape, true, false);
            task.plain.add(frame, offset);
            task.visibleShapes.putIfAbsent(frame, offset);
            return true;
        }
        if (track.outside() && written instanceof Skeleton skeleton && !allAbsent(skeleton)) {
            problems.changed(itemId, kind, "the nodes of a skeleton outside its track (id " + track.id()
                    + ") are written outside, as CVAT has them");
        }
        TrackKey key = new TrackKey(task.frames.subset(), track.id(), shape.element(), shape.label(), shape.group(),
                shape.source());
        TrackShapes entry = tracks.get(key);
        Map<AttributeKey, Object> values = attributeValues(written);
        if (entry == null) {
            entry = new TrackShapes(key, values);
            tracks.put(key, entry);
            TrackKey first = firstKeys.putIfAbsent(new TrackRef(key.subset(), key.id()), key);
            if (first != null) {
                problems.dataset("track " + track.id() + " has shapes of more than one label, kind, group or source: "
                        + "written as several <track>s, the first with its id, the others with new ids after the highest, as a "
                        + "CVAT track has one of each and CVAT joins the shapes of one id");
            }
        } else {
            noteChanges(entry.firstValues, values);
        }
        long offset = spool.append(shape, track.keyframe(), track.outside());
        entry.shapes.add(frame, offset);
        if (!track.outside()) {
            task.visibleShapes.putIfAbsent(frame, offset);
        }
        maxTrackId = Math.max(maxTrackId, track.id());
        return true;
    }

    private Annotation withoutTrackAttributes(String itemId, Annotation annotation) {
        Map<String, Object> attributes = annotation.attributes();
        if (TRACK_ATTRIBUTES.stream().noneMatch(attributes::containsKey)) {
            return annotation;
        }
        Map<String, Object> kept = new LinkedHashMap<>(attributes);
        for (String name : TRACK_ATTRIBUTES) {
            if (kept.remove(name) != null) {
                problems.changed(itemId, annotation.kind(), "attribute '" + name + "' is not written: CVAT for video "
                        + "holds " + name + " as track data, which comes from the annotation's track");
            }
        }
        return annotation.withInfo(annotation.info().withAttributes(kept));
    }

    /** The attribute values of a shape and its nodes, by label. */
    private static Map<AttributeKey, Object> attributeValues(Annotation annotation) {
        Map<AttributeKey, Object> values = new HashMap<>();
        annotation.attributes().forEach((name, value) -> values.put(new AttributeKey(annotation.label(), name), value));
        if (annotation instanceof Skeleton skeleton) {
            for (Points node : skeleton.nodes()) {
                if (node.label() != null) {
                    node.attributes().forEach((name, value) -> values.put(new AttributeKey(node.label(), name), value));
                }
            }
        }
        return values;
    }

    private void noteChanges(Map<AttributeKey, Object> first, Map<AttributeKey, Object> values) {
        for (Map.Entry<AttributeKey, Object> value : values.entrySet()) {
            if (!Objects.equals(first.get(value.getKey()), value.getValue())) {
                declarations.varies(value.getKey().label(), value.getKey().name());
            }
        }
        for (AttributeKey key : first.keySet()) {
            if (!values.containsKey(key)) {
                declarations.varies(key.label(), key.name());
            }
        }
    }

    private static boolean allAbsent(Skeleton skeleton) {
        for (Points node : skeleton.nodes()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.visibility(i) != Points.ABSENT) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void finish() throws IOException {
        try (TrackSpool shapesIn = spool; OutputStream out = output.deferred(CvatLayout.ANNOTATIONS_FILE)) {
            XMLStreamWriter writer = SafeXml.writer(out);
            try {
                writer.writeStartDocument("utf-8", "1.0");
                IndentingXml xml = new IndentingXml(writer, 0);
                xml.start(CvatLayout.ROOT);
                xml.leaf("version", CvatLayout.VERSION);
                List<CvatMetaWriter.SubsetTask> meta = new ArrayList<>();
                for (VideoTask task : tasks.values()) {
                    task.sortedFrames = task.written.stream().mapToLong(Long::longValue).toArray();
                    long[] frames = task.sortedFrames;
                    // CVAT's importer needs every frame below the task's size; frames not written are gaps.
                    long size = frames.length == 0 ? 0 : Math.max(frames.length, frames[frames.length - 1] + 1);
                    meta.add(task.frames.task(size, true, task.size));
                }
                new CvatMetaWriter(xml, categories, declarations, problems).write(meta);
                List<TrackShapes> ordered = new ArrayList<>(tracks.values());
                ordered.sort(Comparator.comparingLong(track -> track.key.id()));
                // A track split by label, kind, group or source: its first <track> keeps its id, the
                // others take new ones, since CVAT's importer joins the shapes of one id into one track.
                long nextId = tracks.isEmpty() ? 0 : maxTrackId + 1;
                for (TrackShapes track : ordered) {
                    boolean first = firstKeys.get(new TrackRef(track.key.subset(), track.key.id())).equals(track.key);
                    writeTrack(xml, track, first ? track.key.id() : nextId++);
                }
                for (VideoTask task : tasks.values()) {
                    for (int i = 0; i < task.plain.size(); i++) {
                        writePlainShape(xml, task, task.plain.frame(i), task.plain.offset(i), nextId++);
                    }
                }
                for (VideoTask task : tasks.values()) {
                    nextId = writeUnendedFrames(xml, task, nextId);
                }
                xml.end();
                writer.writeCharacters("\n");
                writer.writeEndDocument();
                writer.flush();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write CVAT XML: " + e.getMessage(), e);
            }
        }
    }

    private void writeTrack(IndentingXml xml, TrackShapes track, long id) throws IOException {
        TrackKey key = track.key;
        VideoTask task = tasks.get(key.subset());
        openTrack(xml, id, key.label(), key.source(), key.group(), task);
        ShapeList list = track.shapes;
        list.sortByFrame();
        for (int i = 0; i < list.size(); i++) {
            long frame = list.frame(i);
            if (i > 0 && frame == list.frame(i - 1)) {
                problems.dropped(CvatLayout.frameName(frame), CvatLayout.kindOf(key.element()), "a second shape of "
                        + "track " + key.id() + " on this frame: a CVAT track has one shape per frame");
                continue;
            }
            TrackSpool.Spooled spooled = spool.read(list.offset(i));
            writeShape(xml, spooled.shape(), frame, spooled.keyframe(), spooled.outside());
            if (!spooled.outside() && closeAfter(xml, task, spooled.shape(), frame, list.nextOtherFrame(i))) {
                problems.converted(CvatLayout.frameName(frame), CvatLayout.kindOf(key.element()), 1,
                        CvatLayout.kindOf(key.element()), 2, TRACK_CLOSED);
            }
        }
        xml.end();
    }

    /**
     * A frame kept for the tracks that end on it (it has nothing of its own) gets them from the
     * frame before it; when items came out of order and the frame before it has no visible shape
     * after all, a shape of the frame it was kept for is ended there by a track of its own, all
     * outside (it shows nothing in CVAT), so that the frame still comes back.
     */
    private long writeUnendedFrames(IndentingXml xml, VideoTask task, long nextId) throws IOException {
        List<Long> frames = new ArrayList<>(task.endingFrames.keySet());
        frames.sort(null);
        for (long frame : frames) {
            Long before = task.written.lower(frame);
            if (before != null && task.visibleShapes.containsKey(before)) {
                continue;
            }
            long keptFor = task.endingFrames.get(frame);
            CvatShape shape = spool.read(task.visibleShapes.get(keptFor)).shape();
            openTrack(xml, nextId++, shape.label(), shape.source(), shape.group(), task);
            writeShape(xml, shape, frame, true, true);
            xml.end();
            AnnotationKind kind = CvatLayout.kindOf(shape.element());
            problems.converted(CvatLayout.frameName(keptFor), kind, 1, kind, 2, TRACK_CLOSED);
        }
        return nextId;
    }

    private void writePlainShape(IndentingXml xml, VideoTask task, long frame, long offset, long id)
            throws IOException {
        CvatShape shape = spool.read(offset).shape();
        openTrack(xml, id, shape.label(), shape.source(), shape.group(), task);
        writeShape(xml, shape, frame, true, false);
        if (closeAfter(xml, task, shape, frame, -1)) {
            AnnotationKind kind = CvatLayout.kindOf(shape.element());
            problems.converted(CvatLayout.frameName(frame), kind, 1, kind, 2, SINGLE_FRAME_TRACK);
        }
        xml.end();
    }

    /**
     * Ends a visible stretch of a track as CVAT does, with an outside copy of its last shape on
     * the task's next frame, unless the track has a shape there ({@code nextOwnFrame}, -1 for none)
     * or the task has no next frame. True when it wrote the copy: one more (hidden) shape to read.
     */
    private static boolean closeAfter(IndentingXml xml, VideoTask task, CvatShape shape, long frame,
                                      long nextOwnFrame) throws IOException {
        long next = task.nextFrame(frame);
        if (next >= 0 && (nextOwnFrame < 0 || nextOwnFrame > next)) {
            writeShape(xml, shape, next, true, true);
            return true;
        }
        return false;
    }

    private static void openTrack(IndentingXml xml, long id, String label, String source, int group, VideoTask task)
            throws IOException {
        xml.start(CvatLayout.TRACK);
        xml.attribute("id", Long.toString(id));
        xml.attribute("label", label);
        if (source != null) {
            xml.attribute(CvatLayout.SOURCE, source);
        }
        xml.attribute("task_id", Integer.toString(task.frames.taskId()));
        xml.attribute("subset", task.frames.subset());
        if (group != 0) {
            xml.attribute("group_id", Integer.toString(group));
        }
    }

    /**
     * One frame of a track, laid out as CVAT's video dump: {@code frame keyframe outside occluded},
     * the geometry, {@code z_order}. A skeleton's state is its nodes' (all outside: the skeleton is
     * outside); it says {@code outside} itself only where its nodes would say otherwise.
     */
    private static void writeShape(IndentingXml xml, CvatShape shape, long frame, boolean keyframe, boolean outside)
            throws IOException {
        xml.start(shape.element());
        xml.attribute("frame", Long.toString(frame));
        xml.attribute("keyframe", flag(keyframe));
        if (shape.isSkeleton()) {
            boolean nodesOutside = !shape.nodes().isEmpty();
            for (CvatShape.Node node : shape.nodes()) {
                nodesOutside &= outside || node.visibility() == Points.ABSENT;
            }
            if (nodesOutside != outside) {
                xml.attribute("outside", flag(outside));
            }
            if (shape.occluded()) {
                xml.attribute(CvatLayout.OCCLUDED, flag(true));
            }
        } else {
            xml.attribute("outside", flag(outside));
            xml.attribute(CvatLayout.OCCLUDED, flag(shape.occluded()));
        }
        CvatShapes.writeFields(xml, shape.geometry());
        xml.attribute("z_order", Integer.toString(shape.zOrder()));
        for (CvatShape.Node node : shape.nodes()) {
            xml.start(CvatLayout.POINTS);
            xml.attribute("label", node.label());
            if (node.source() != null) {
                xml.attribute(CvatLayout.SOURCE, node.source());
            }
            xml.attribute("keyframe", flag(keyframe));
            xml.attribute("outside", flag(outside || node.visibility() == Points.ABSENT));
            xml.attribute(CvatLayout.OCCLUDED, flag(node.visibility() == Points.HIDDEN));
            xml.attribute("points", node.points());
            CvatShapes.writeAttributes(xml, node.attributes());
            xml.end();
        }
        CvatShapes.writeAttributes(xml, shape.attributes());
        xml.end();
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }
}
