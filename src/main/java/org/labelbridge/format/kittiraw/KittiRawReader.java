package org.labelbridge.format.kittiraw;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.AttributeText;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.PointCloudFiles;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Track;

/**
 * Reads the tracklets (small: one pose per object and frame) into frames, then yields one item
 * per frame in frame order, as Datumaro's {@code kitti_raw} extractor builds them: the frames
 * tracklets reach and those {@code frame_list.txt} names; tracklet {@code n} (from 1) is track
 * {@code n}; poses out of the image or behind it are not there; an unset occlusion is the last
 * keyframe's.
 */
final class KittiRawReader implements DatasetReader {

    private final DatasetSource source;
    private final Categories categories;
    private final Iterator<Map.Entry<Long, List<Annotation>>> frames;
    private final Map<Long, String> names;
    private final List<String> imageFolders;

    KittiRawReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        String file = KittiRawLayout.annotationFile(source);
        if (file == null) {
            throw new FormatException(source.describe(KittiRawLayout.TRACKLETS) + ": no tracklet file (tracklet_labels.xml)");
        }
        List<Tracklet> tracklets;
        try (InputStream in = source.open(file)) {
            tracklets = TrackletParser.parse(in, source.describe(file), problems);
        }
        this.categories = categories(tracklets);
        this.names = frameNames(source);
        TreeMap<Long, List<Annotation>> byFrame = new TreeMap<>();
        for (int t = 0; t < tracklets.size(); t++) {
            addTrack(byFrame, tracklets.get(t), t + 1);
        }
        names.keySet().forEach(frame -> byFrame.computeIfAbsent(frame, f -> new ArrayList<>()));
        this.frames = byFrame.entrySet().iterator();
        this.imageFolders = KittiRawLayout.imageFolders(source);
    }

    /** Labels by name, sorted, each with the attributes its tracklets use; {@code occluded} for all. */
    private static Categories categories(List<Tracklet> tracklets) {
        Map<String, TreeSet<String>> labels = new TreeMap<>();
        for (Tracklet tracklet : tracklets) {
            TreeSet<String> attributes = labels.computeIfAbsent(tracklet.objectType(), k -> new TreeSet<>());
            attributes.addAll(tracklet.attributes().keySet());
            tracklet.poses().forEach(p -> attributes.addAll(p.attributes().keySet()));
            attributes.remove(KittiRawLayout.OCCLUDED);
        }
        List<Label> list = new ArrayList<>();
        labels.forEach((name, attributes) -> list.add(new Label(name, "",
                attributes.stream().map(AttributeDef::named).toList())));
        return new Categories(list, List.of(KittiRawLayout.OCCLUDED), Map.of(), Map.of());
    }

    private void addTrack(Map<Long, List<Annotation>> byFrame, Tracklet tracklet, long trackId) {
        int label = categories.indexOf(tracklet.objectType());
        List<Double> scale = List.of(tracklet.w(), tracklet.h(), tracklet.l());
        boolean keyframeOccluded = false;
        for (int i = 0; i < tracklet.poses().size(); i++) {
            Tracklet.Pose pose = tracklet.poses().get(i);
            boolean occluded = pose.occlusion() == KittiRawLayout.PARTLY_OCCLUDED
                    || pose.occlusion() == KittiRawLayout.FULLY_OCCLUDED;
            if (pose.occlusionKeyframe()) {
                keyframeOccluded = occluded;
            } else if (pose.occlusion() == KittiRawLayout.OCCLUSION_UNSET) {
                occluded = keyframeOccluded;
            }
            if (pose.absent()) {
                continue;
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            tracklet.attributes().forEach((k, v) -> attributes.put(k, AttributeText.infer(v)));
            pose.attributes().forEach((k, v) -> attributes.put(k, AttributeText.infer(v)));
            attributes.put(KittiRawLayout.OCCLUDED, occluded);
            Track track = new Track(trackId, pose.state() == KittiRawLayout.STATE_LABELLED, false);
            byFrame.computeIfAbsent(tracklet.firstFrame() + i, f -> new ArrayList<>()).add(new Cuboid3d(
                    new AnnotationInfo(label, 0, 0, 0, attributes, track),
                    List.of(pose.tx(), pose.ty(), pose.tz()), List.of(pose.rx(), pose.ry(), pose.rz()), scale));
        }
    }

    /** {@code frame_list.txt}: {@code <frame> <name>} lines, {@code #} comments. */
    private static Map<Long, String> frameNames(DatasetSource source) throws IOException {
        Map<Long, String> names = new TreeMap<>();
        if (!source.exists(KittiRawLayout.FRAME_LIST)) {
            return names;
        }
        try (BufferedReader in = TextFiles.open(source, KittiRawLayout.FRAME_LIST)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                try {
                    long frame = Long.parseLong(parts[0]);
                    if (parts.length < 2 || frame < 0) {
                        throw new NumberFormatException();
                    }
                    names.put(frame, parts[1]);
                } catch (NumberFormatException e) {
                    throw FormatException.at(source.describe(KittiRawLayout.FRAME_LIST), "line " + number,
                            "expected '<frame number> <name>', got '" + line + "'");
                }
            }
        }
        return names;
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() {
        if (!frames.hasNext()) {
            return null;
        }
        Map.Entry<Long, List<Annotation>> frame = frames.next();
        String name = names.getOrDefault(frame.getKey(), String.format(java.util.Locale.ROOT, "%010d", frame.getKey()));
        return new Item(name, Item.DEFAULT_SUBSET, media(name), frame.getValue(), Map.of("frame", frame.getKey()));
    }

    /** {@code velodyne_points/data/<name>.pcd} (or {@code .bin}) and the cameras' {@code <name>} images. */
    private Media media(String name) {
        String stem = KittiRawLayout.POINT_CLOUDS + name;
        String cloud = PointCloudFiles.find(source, stem);
        List<Media> related = new ArrayList<>();
        for (String folder : imageFolders) {
            String image = ImageFiles.find(source, folder + KittiRawLayout.IMAGE_DATA + name);
            if (image != null) {
                related.add(new Media(image, null, null));
            }
        }
        return Media.pointCloud(cloud == null ? stem + PointCloudFiles.EXTENSIONS.get(0) : cloud, related);
    }
}
