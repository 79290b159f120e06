package org.labelbridge.format.cvat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * The frames of a video dump. Tracks list their shapes track by track, so items can only be
 * given out once the whole file is read: this keeps per frame the annotations (model records,
 * nothing more) and where the frame's image is, then gives the frames out in order, subset by
 * subset, letting go of each as it goes.
 */
final class FrameIndex {

    private final Map<String, Integer> subsets = new HashMap<>();
    private final List<String> subsetNames = new ArrayList<>();
    private final TreeMap<Key, Frame> frames = new TreeMap<>();

    private record Key(int subset, long frame) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int bySubset = Integer.compare(subset, other.subset);
            return bySubset != 0 ? bySubset : Long.compare(frame, other.frame);
        }
    }

    private static final class Frame {
        final List<Annotation> annotations = new ArrayList<>();
        Item image;
        CvatMeta.Size size;
        String imagePath;
    }

    /** Adds one shape of a track to its frame. */
    void add(String subset, long frame, Annotation annotation, CvatMeta.Size size) {
        Frame entry = frame(subset, frame);
        entry.annotations.add(annotation);
        if (entry.size == null) {
            entry.size = size;
        }
    }

    /** Makes sure the frame is an item, with its size. */
    void touch(String subset, long frame, CvatMeta.Size size) {
        Frame entry = frame(subset, frame);
        if (entry.size == null) {
            entry.size = size;
        }
    }

    /** An {@code <image>} among the tracks: it names the frame and brings its own annotations. */
    void putImage(long frame, Item image) {
        frame(image.subset(), frame).image = image;
    }

    /** Where the frame's image file is. */
    void putImagePath(String subset, long frame, String path) {
        frame(subset, frame).imagePath = path;
    }

    boolean contains(String subset, long frame) {
        Integer order = subsets.get(subset);
        return order != null && frames.containsKey(new Key(order, frame));
    }

    /** The next frame as an item, or {@code null}; the frame is forgotten. */
    Item poll() {
        Map.Entry<Key, Frame> first = frames.pollFirstEntry();
        if (first == null) {
            return null;
        }
        Frame frame = first.getValue();
        long number = first.getKey().frame();
        if (frame.image != null) {
            List<Annotation> annotations = new ArrayList<>(frame.image.annotations());
            annotations.addAll(frame.annotations);
            return frame.image.withAnnotations(annotations);
        }
        String subset = subsetNames.get(first.getKey().subset());
        Media media = frame.size == null ? new Media(frame.imagePath, null, null)
                : new Media(frame.imagePath, frame.size.width(), frame.size.height());
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("frame", number);
        return new Item(CvatLayout.frameName(number), subset, media, frame.annotations, attributes);
    }

    private Frame frame(String subset, long frame) {
        Integer order = subsets.get(subset);
        if (order == null) {
            order = subsetNames.size();
            subsets.put(subset, order);
            subsetNames.add(subset);
        }
        return frames.computeIfAbsent(new Key(order, frame), k -> new Frame());
    }
}
