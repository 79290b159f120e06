package org.labelbridge.format.kittiraw;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.AttributeText;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * Collects each track's poses by frame while the items stream (their media copied at once),
 * then writes {@code frame_list.txt} and {@code tracklet_labels.xml}. A tracklet has one label
 * and one size: a track whose cuboid changes either goes on as a new tracklet (reported), a
 * cuboid without a track is a tracklet of one pose, and frames a track skips are written as
 * poses out of the image, as Datumaro's exporter writes them.
 */
final class KittiRawWriter implements DatasetWriter {

    private static final String FORMAT = "Kitti Raw Format 1.0";

    private final DatasetOutput output;
    private final Problems problems;
    private Categories categories;
    /** Frame number to item id, in frame order. */
    private final TreeMap<Long, String> frames = new TreeMap<>();
    /** Tracklets being built, by the track id they came from (untracked cuboids: their own key). */
    private final Map<String, Builder> open = new LinkedHashMap<>();
    private final List<Builder> tracklets = new ArrayList<>();
    private final Set<String> mediaTargets = new HashSet<>();
    private long untracked;

    /** One tracklet being built: its first track id (for the order), label, size and poses by frame. */
    private static final class Builder {
        final long order;
        final String label;
        final List<Double> scale;
        final TreeMap<Long, Tracklet.Pose> poses = new TreeMap<>();

        Builder(long order, String label, List<Double> scale) {
            this.order = order;
            this.label = label;
            this.scale = scale;
        }
    }

    KittiRawWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories declared) {
        this.categories = declared;
    }

    @Override
    public void write(Item original) throws IOException {
        Item item = FileNames.withPathId(original, problems, FORMAT);
        long frame = frameOf(item);
        frames.put(frame, item.id());
        copyMedia(item);
        for (Annotation annotation : item.annotations()) {
            if (annotation instanceof Cuboid3d cuboid) {
                add(item.id(), frame, cuboid);
            }
        }
    }

    /** The item's frame number; one taken already (or none) gives the next after the last. */
    private long frameOf(Item item) {
        Long frame = item.frame();
        if (frame != null && frame >= 0 && !frames.containsKey(frame)) {
            return frame;
        }
        long next = frames.isEmpty() ? 0 : frames.lastKey() + 1;
        if (frame != null) {
            problems.item(item.id(), "frame " + frame + " is taken by item '" + frames.get(frame)
                    + "' (or is negative): written as frame " + next);
        }
        return next;
    }

    private void add(String itemId, long frame, Cuboid3d cuboid) {
        String label = categories.nameOf(cuboid.label());
        var track = cuboid.info().track();
        String key = track != null ? "track " + track.id() : "cuboid " + untracked++;
        Builder builder = open.get(key);
        if (builder != null && (!builder.label.equals(label) || !builder.scale.equals(cuboid.scale())
                || builder.poses.containsKey(frame))) {
            problems.item(itemId, key + ": its label, its size or its frame repeats at frame " + frame
                    + ", which one tracklet cannot hold: written from here as a new tracklet");
            builder = null;
        }
        if (builder == null) {
            builder = new Builder(track != null ? track.id() : Long.MAX_VALUE, label, cuboid.scale());
            open.put(key, builder);
            tracklets.add(builder);
        }
        builder.poses.put(frame, pose(cuboid));
    }

    private static Tracklet.Pose pose(Cuboid3d cuboid) {
        Map<String, Object> attributes = cuboid.info().attributes();
        boolean occluded = Boolean.TRUE.equals(attributes.get(KittiRawLayout.OCCLUDED));
        boolean keyframe = cuboid.info().track() == null || cuboid.info().track().keyframe();
        Map<String, String> rest = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (!name.equals(KittiRawLayout.OCCLUDED)) {
                rest.put(name, value instanceof Double d ? NumberText.of(d) : AttributeText.format(value));
            }
        });
        List<Double> p = cuboid.position();
        List<Double> r = cuboid.rotation();
        return new Tracklet.Pose(p.get(0), p.get(1), p.get(2), r.get(0), r.get(1), r.get(2),
                keyframe ? KittiRawLayout.STATE_LABELLED : KittiRawLayout.STATE_INTERPOLATED,
                occluded ? KittiRawLayout.PARTLY_OCCLUDED : KittiRawLayout.VISIBLE, keyframe,
                KittiRawLayout.IN_IMAGE, rest);
    }

    /** {@code velodyne_points/data/<id><ext>}; camera {@code i}'s image to {@code image_0i/data/<id><ext>}. */
    private void copyMedia(Item item) throws IOException {
        Media media = item.media();
        if (!media.isPointCloud()) {
            return;
        }
        if (media.hasPath()) {
            String ext = media.extension().isEmpty() ? ".pcd" : media.extension().toLowerCase(Locale.ROOT);
            if (!ext.equals(".pcd")) {
                problems.item(item.id(), "point cloud '" + media.path() + "' is copied as it is; CVAT's importer"
                        + " looks for .pcd files in " + KittiRawLayout.POINT_CLOUDS);
            }
            copy(media, KittiRawLayout.POINT_CLOUDS + item.id() + ext);
        }
        List<Media> related = media.relatedImages().stream().filter(Media::hasPath)
                .sorted(Comparator.comparing(Media::path)).toList();
        for (int i = 0; i < related.size(); i++) {
            Media image = related.get(i);
            String ext = image.extension().isEmpty() ? ".jpg" : image.extension();
            copy(image, KittiRawLayout.imageFolder(i) + KittiRawLayout.IMAGE_DATA + item.id() + ext);
        }
    }

    private void copy(Media media, String target) throws IOException {
        if (mediaTargets.add(target)) {
            output.copyMedia(media, target);
        }
    }

    @Override
    public void finish() throws IOException {
        StringBuilder list = new StringBuilder();
        frames.forEach((frame, id) -> list.append(frame).append(' ').append(id).append('\n'));
        output.text(KittiRawLayout.FRAME_LIST, list.toString());
        List<Tracklet> written = new ArrayList<>(tracklets.size());
        tracklets.stream().sorted(Comparator.comparingLong(b -> b.order)).forEach(b -> written.add(tracklet(b)));
        try (OutputStream out = output.entry(KittiRawLayout.TRACKLETS)) {
            TrackletXml.write(out, written);
        }
    }

    /** The builder's poses from its first frame on, a skipped frame as a pose out of the image. */
    private static Tracklet tracklet(Builder builder) {
        List<Tracklet.Pose> poses = new ArrayList<>();
        long first = builder.poses.firstKey();
        Tracklet.Pose last = null;
        for (Map.Entry<Long, Tracklet.Pose> entry : builder.poses.entrySet()) {
            if (last != null) {
                for (long gap = first + poses.size(); gap < entry.getKey(); gap++) {
                    poses.add(new Tracklet.Pose(last.tx(), last.ty(), last.tz(), last.rx(), last.ry(), last.rz(),
                            KittiRawLayout.STATE_INTERPOLATED, KittiRawLayout.OCCLUSION_UNSET, false,
                            KittiRawLayout.OUT_IMAGE, Map.of()));
                }
            }
            poses.add(entry.getValue());
            last = entry.getValue();
        }
        return new Tracklet(builder.label, builder.scale.get(0), builder.scale.get(1), builder.scale.get(2), first,
                poses, Map.of());
    }
}
