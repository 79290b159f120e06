package org.labelbridge.format.cvat;

import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * The items of one CVAT annotation file. An images dump is read one {@code <image>} at a time;
 * a video dump (its first element after the meta is a {@code <track>}) is read whole into a
 * {@link FrameIndex} and then given out frame by frame.
 */
final class CvatDocument implements Closeable {

    private final DatasetSource source;
    private final XmlCursor xml;
    private final CvatMeta meta;
    private final CvatAnnotations annotations;
    private final Problems problems;
    /** Where {@code images/} is: beside the annotation file. */
    private final String base;
    /** The subset of items that do not name theirs: the task's, else the file's name. */
    private final String fileSubset;
    private final Set<String> reportedElements = new HashSet<>();
    private FrameIndex frames;
    private FrameImages frameImages;
    private boolean imagesSeen;
    private boolean done;

    private CvatDocument(DatasetSource source, String path, XmlCursor xml, CvatMeta meta, LabelTable labels,
                         Problems problems) {
        this.source = source;
        this.xml = xml;
        this.meta = meta;
        this.problems = problems;
        this.annotations = new CvatAnnotations(labels, problems, xml.file());
        this.base = CvatLayout.folderOf(path);
        String stem = CvatLayout.stripExtension(path.substring(base.length()));
        this.fileSubset = meta.taskSubset() != null ? meta.taskSubset() : stem;
    }

    /** Opens the file and reads past its meta. */
    static CvatDocument open(DatasetSource source, String path, LabelTable labels, Problems problems)
            throws IOException {
        XmlCursor xml = XmlCursor.open(source, path);
        try {
            if (xml.next() != START_ELEMENT || !CvatLayout.ROOT.equals(xml.name())) {
                throw xml.error("expected the root element <annotations> of a CVAT XML file");
            }
            CvatMeta meta = CvatMetaReader.read(xml);
            return new CvatDocument(source, path, xml, meta, labels, problems);
        } catch (IOException | RuntimeException e) {
            xml.close();
            throw e;
        }
    }

    /** The next item, or {@code null} at the end of the file. */
    Item next() throws IOException {
        if (frames != null) {
            return frames.poll();
        }
        while (!done) {
            int event = xml.next();
            if (event != START_ELEMENT) {
                done = true; // </annotations>
                break;
            }
            String name = xml.name();
            if (CvatLayout.IMAGE.equals(name)) {
                imagesSeen = true;
                return image();
            }
            if (CvatLayout.TRACK.equals(name)) {
                if (imagesSeen) {
                    throw xml.error("a <track> after <image> elements: CVAT writes either images "
                            + "(CVAT for images) or tracks (CVAT for video), not both");
                }
                frames = indexRest();
                return frames.poll();
            }
            skipUnknown(name, "<annotations>");
        }
        return null;
    }

    private Item image() throws IOException {
        int line = xml.line();
        String name = xml.attribute("name");
        if (name == null || name.isEmpty()) {
            throw xml.error("<image> needs the attribute 'name'");
        }
        Long frame = longAttribute("id");
        Integer width = size("width");
        Integer height = size("height");
        if ((width == null) != (height == null)) {
            throw xml.error(line, "<image> needs both 'width' and 'height', or neither");
        }
        String subset = xml.attribute("subset");
        if (subset == null || subset.isEmpty()) {
            subset = fileSubset;
        }
        String id = CvatLayout.stripExtension(name);
        String path = imagePath(subset, name);
        CvatMeta.Size size = width != null ? new CvatMeta.Size(width, height)
                : unstatedSize(longAttribute("task_id"), path);
        CvatAnnotations.Scope scope = new CvatAnnotations.Scope(id, subset, size, null);
        List<Annotation> found = new ArrayList<>();
        for (int event = xml.next(); event != END_ELEMENT; event = xml.next()) {
            requireOpen(event, "<image>");
            String child = xml.name();
            if (CvatLayout.SHAPES.contains(child) || CvatLayout.TAG.equals(child)) {
                Annotation annotation = annotations.convert(RawElement.read(xml), scope);
                if (annotation != null) {
                    found.add(annotation);
                }
            } else {
                skipUnknown(child, "<image>");
            }
        }
        Map<String, Object> attributes = frame == null ? Map.of() : Map.of("frame", frame);
        Media media = size == null ? new Media(path, null, null) : new Media(path, size.width(), size.height());
        return new Item(id, subset, media, found, attributes);
    }

    /**
     * The size of an {@code <image>} without 'width' and 'height' (its own win when it has them):
     * its video's {@code <original_size>}, else its picture's header, else {@code null}.
     */
    private CvatMeta.Size unstatedSize(Long taskId, String path) throws IOException {
        CvatMeta.Size size = meta.frameSize(taskId);
        if (size != null || path == null || !source.exists(path)) {
            return size;
        }
        return ImageHeaders.read(source, path).map(h -> new CvatMeta.Size(h.width(), h.height())).orElse(null);
    }

    /** The rest of a video dump, into frames. */
    private FrameIndex indexRest() throws IOException {
        FrameIndex index = new FrameIndex();
        frameImages = FrameImages.under(source, base, fileSubset);
        for (int event = START_ELEMENT; event == START_ELEMENT; event = xml.next()) {
            String name = xml.name();
            if (CvatLayout.TRACK.equals(name)) {
                track(index);
            } else if (CvatLayout.IMAGE.equals(name)) {
                Long frame = longAttribute("id");
                if (frame == null) {
                    throw xml.error("an <image> among tracks needs the attribute 'id' (its frame)");
                }
                index.putImage(frame, image());
            } else {
                skipUnknown(name, "<annotations>");
            }
        }
        done = true;
        addFrameFiles(index);
        return index;
    }

    private void track(FrameIndex index) throws IOException {
        Long id = longAttribute("id");
        if (id == null) {
            throw xml.error("<track> needs the attribute 'id'");
        }
        String label = xml.attribute("label");
        String groupText = xml.attribute("group_id");
        int group;
        try {
            group = groupText == null || groupText.isBlank() ? 0 : Integer.parseInt(groupText.trim());
        } catch (NumberFormatException e) {
            throw xml.error("<track> attribute 'group_id' must be a whole number, got '" + groupText + "'");
        }
        String subset = xml.attribute("subset");
        if (subset == null || subset.isEmpty()) {
            subset = fileSubset;
        }
        CvatMeta.Size videoSize = meta.frameSize(longAttribute("task_id"));
        CvatAnnotations.TrackHead head = new CvatAnnotations.TrackHead(id, label, group, xml.attribute("source"));
        for (int event = xml.next(); event != END_ELEMENT; event = xml.next()) {
            requireOpen(event, "<track>");
            String child = xml.name();
            if (!CvatLayout.SHAPES.contains(child)) {
                skipUnknown(child, "<track>");
                continue;
            }
            Long frame = longAttribute("frame");
            if (frame == null) {
                throw xml.error("a <" + child + "> of a <track> needs the attribute 'frame'");
            }
            RawElement raw = RawElement.read(xml);
            CvatMeta.Size size = videoSize != null ? videoSize : frameImages.size(subset, frame);
            CvatAnnotations.Scope scope = new CvatAnnotations.Scope(CvatLayout.frameName(frame), subset, size, head);
            Annotation annotation = annotations.convert(raw, scope);
            if (annotation != null) {
                index.add(subset, frame, annotation, size);
            } else {
                index.touch(subset, frame, size);
            }
        }
    }

    /** Frame images under {@code images/} ({@code frame_000010.png}) name their frames, annotated or not. */
    private void addFrameFiles(FrameIndex index) throws IOException {
        for (FrameImages.FrameImage image : frameImages.all()) {
            if (!index.contains(image.subset(), image.frame())) {
                CvatMeta.Size size = meta.frameSize(null);
                index.touch(image.subset(), image.frame(),
                        size != null ? size : frameImages.size(image.subset(), image.frame()));
            }
            index.putImagePath(image.subset(), image.frame(), image.path());
        }
    }

    /** The image's path: {@code images/<subset>/<name>} (projects) or {@code images/<name>} (tasks). */
    private String imagePath(String subset, String name) {
        String inSubset = base + CvatLayout.IMAGES_DIR + "/" + subset + "/" + name;
        if (source.exists(inSubset)) {
            return inSubset;
        }
        String inImages = base + CvatLayout.IMAGES_DIR + "/" + name;
        if (source.exists(inImages)) {
            return inImages;
        }
        // Absent (a deleted frame, a partial export): where the dump's layout puts it, so that the
        // pipeline can say it is missing; no path at all for a dump without images.
        String images = base + CvatLayout.IMAGES_DIR;
        if (source.foldersIn(images).contains(subset)) {
            return inSubset;
        }
        return source.filesIn(images).isEmpty() ? null : inImages;
    }

    private void skipUnknown(String name, String parent) throws FormatException {
        if (reportedElements.add(parent + name)) {
            problems.dataset(xml.file() + ", line " + xml.line() + ": <" + name + "> in " + parent
                    + " is not a CVAT element this reader knows; skipped (and any more of them)");
        }
        xml.skipElement();
    }

    private void requireOpen(int event, String parent) throws FormatException {
        if (event == END_DOCUMENT) {
            throw xml.error("the file ends inside " + parent);
        }
    }

    private Long longAttribute(String name) throws FormatException {
        String text = xml.attribute(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw xml.error("<" + xml.name() + "> attribute '" + name + "' must be a whole number, got '"
                    + text + "'");
        }
    }

    private Integer size(String name) throws FormatException {
        Long value = longAttribute(name);
        if (value == null) {
            return null;
        }
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw xml.error("<image> attribute '" + name + "' must be a positive size, got " + value);
        }
        return value.intValue();
    }

    @Override
    public void close() throws IOException {
        xml.close();
    }
}
