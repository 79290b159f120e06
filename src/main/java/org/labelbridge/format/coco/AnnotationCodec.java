package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;
import org.labelbridge.model.Track;

/**
 * The compact form the reader keeps each COCO annotation in until its item is yielded, and back.
 * A record is: file, id, kind, flags, [score], [track id], [rotation], attributes, geometry,
 * [keypoints]. Attribute names are stored once, by number.
 */
final class AnnotationCodec {

    /** What one COCO annotation becomes besides its keypoints. */
    enum Kind { NONE, BBOX, POLYGONS, RLE, TAG, CAPTION, POLYGONS_AND_BOX }

    private static final Kind[] KINDS = Kind.values();

    private static final int CROWD_KNOWN = 1;
    private static final int CROWD = 2;
    private static final int SCORE = 4;
    private static final int KEYPOINTS = 8;
    private static final int TRACK = 16;
    private static final int KEYFRAME = 32;
    private static final int OUTSIDE = 64;
    private static final int ROTATION = 128;

    private static final int FALSE = 0;
    private static final int TRUE = 1;
    private static final int LONG = 2;
    private static final int DOUBLE = 3;
    private static final int STRING = 4;
    private static final int LIST = 5;

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameNumbers = new HashMap<>();

    /**
     * Encodes the annotation; takes CVAT's {@code track_id}/{@code keyframe}/{@code outside} and a
     * box's {@code rotation} out of its attributes into typed data.
     *
     * @param crowdKnown whether {@code is_crowd} applies (objects, not tags or captions)
     */
    void encode(ParsedAnnotation a, Kind kind, boolean crowdKnown, int file, RecordBuffer out) {
        out.clear();
        out.writeLong(file);
        out.writeSignedLong(a.id);
        out.writeByte(kind.ordinal());
        int flags = (crowdKnown ? CROWD_KNOWN : 0) | (crowdKnown && a.crowd ? CROWD : 0)
                | (a.hasScore ? SCORE : 0) | (a.hasKeypoints ? KEYPOINTS : 0);
        Long track = integral(a.attribute("track_id"));
        boolean keyframe = true;
        boolean outside = false;
        if (track != null) {
            flags |= TRACK;
            a.removeAttribute("track_id");
            if (a.attribute("keyframe") instanceof Boolean k) {
                keyframe = k;
                a.removeAttribute("keyframe");
            }
            if (a.attribute("outside") instanceof Boolean o) {
                outside = o;
                a.removeAttribute("outside");
            }
            flags |= (keyframe ? KEYFRAME : 0) | (outside ? OUTSIDE : 0);
        }
        Double rotation = null;
        if (kind == Kind.BBOX && a.attribute("rotation") instanceof Number r) {
            rotation = r.doubleValue();
            a.removeAttribute("rotation");
            flags |= ROTATION;
        }
        out.writeByte(flags);
        if (a.hasScore) {
            out.writeDouble(a.score);
        }
        if (track != null) {
            out.writeSignedLong(track);
        }
        if (rotation != null) {
            out.writeDouble(rotation);
        }
        out.writeLong(a.attributeNames.size());
        for (int i = 0; i < a.attributeNames.size(); i++) {
            out.writeLong(nameNumber(a.attributeNames.get(i)));
            writeValue(a.attributeValues.get(i), out);
        }
        switch (kind) {
            case BBOX -> out.writeCoordinates(a.bbox, 0, 4);
            case POLYGONS, POLYGONS_AND_BOX -> {
                if (kind == Kind.POLYGONS_AND_BOX) {
                    out.writeCoordinates(a.bbox, 0, 4);
                }
                out.writeLong(a.polygonCount);
                int start = 0;
                for (int i = 0; i < a.polygonCount; i++) {
                    out.writeCoordinates(a.coordinates, start, a.polygonEnds[i] - start);
                    start = a.polygonEnds[i];
                }
            }
            case RLE -> {
                out.writeLong(a.rleHeight);
                out.writeLong(a.rleWidth);
                out.writeLong(a.rleCount);
                for (int i = 0; i < a.rleCount; i++) {
                    out.writeLong(a.rleCounts[i]);
                }
            }
            case CAPTION -> out.writeString(a.caption);
            case NONE, TAG -> {
            }
        }
        if (a.hasKeypoints) {
            int count = a.keypointCount / 3;
            double[] xy = new double[2 * count];
            for (int i = 0; i < count; i++) {
                xy[2 * i] = a.keypoints[3 * i];
                xy[2 * i + 1] = a.keypoints[3 * i + 1];
            }
            out.writeCoordinates(xy, 0, xy.length);
            for (int i = 0; i < count; i++) {
                out.writeByte((int) a.keypoints[3 * i + 2]);
            }
        }
    }

    /** The annotation id a record holds (after its file number). */
    static long id(RecordCursor in) {
        in.readLong();
        return in.readSignedLong();
    }

    /**
     * Decodes a record into model annotations, appended to {@code out}.
     *
     * @param label  label index, or {@code null}
     * @param groups the group number for an annotation id, within the item
     * @return the number of the file the annotation came from
     */
    int decode(RecordCursor in, Integer label, CocoLabels labels, LongToIntFunction groups,
               List<Annotation> out) {
        int file = in.readInt();
        long id = in.readSignedLong();
        Kind kind = KINDS[in.readByte()];
        int flags = in.readByte() & 0xFF;
        Double score = (flags & SCORE) != 0 ? in.readDouble() : null;
        Track track = (flags & TRACK) != 0
                ? new Track(in.readSignedLong(), (flags & KEYFRAME) != 0, (flags & OUTSIDE) != 0) : null;
        double rotation = (flags & ROTATION) != 0 ? in.readDouble() : 0;
        int attributeCount = in.readInt();
        boolean crowdOnly = attributeCount == 0 && score == null && (flags & CROWD_KNOWN) != 0;
        Map<String, Object> attributes = crowdOnly
                ? Map.of("is_crowd", (flags & CROWD) != 0) // the usual case, without a map to copy
                : new LinkedHashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            String name = names.get(in.readInt());
            attributes.put(name, readValue(in));
        }
        if (score != null) {
            attributes.put("score", score);
        }
        if ((flags & CROWD_KNOWN) != 0 && !crowdOnly) {
            attributes.put("is_crowd", (flags & CROWD) != 0);
        }
        AnnotationInfo info = new AnnotationInfo(label, id, id == 0 ? 0 : groups.applyAsInt(id), 0,
                attributes, track);
        List<Annotation> shapes = new ArrayList<>(1);
        switch (kind) {
            case BBOX -> {
                double[] box = in.readCoordinates();
                shapes.add(new Bbox(info, box[0], box[1], box[2], box[3], rotation));
            }
            case POLYGONS, POLYGONS_AND_BOX -> {
                if (kind == Kind.POLYGONS_AND_BOX) {
                    double[] box = in.readCoordinates();
                    shapes.add(new Bbox(info, box[0], box[1], box[2], box[3], 0));
                }
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    shapes.add(new Polygon(info, in.readCoordinates()));
                }
            }
            case RLE -> {
                int height = in.readInt();
                int width = in.readInt();
                int[] counts = new int[in.readInt()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = in.readInt();
                }
                shapes.add(new Mask(info, new Rle(height, width, counts)));
            }
            case TAG -> shapes.add(new Tag(info));
            case CAPTION -> shapes.add(new Caption(info, in.readString()));
            case NONE -> {
            }
        }
        if ((flags & KEYPOINTS) != 0) {
            out.add(keypoints(in, info, label == null ? null : labels.skeleton(label)));
        }
        out.addAll(shapes);
        return file;
    }

    /** A skeleton when the label has one with as many nodes, else plain points. */
    private static Annotation keypoints(RecordCursor in, AnnotationInfo info, SkeletonDef skeleton) {
        double[] xy = in.readCoordinates();
        byte[] visibility = new byte[xy.length / 2];
        for (int i = 0; i < visibility.length; i++) {
            visibility[i] = (byte) in.readByte();
        }
        if (skeleton == null || skeleton.nodeLabels().size() != visibility.length) {
            return new Points(info, xy, visibility);
        }
        List<Points> nodes = new ArrayList<>(visibility.length);
        for (int i = 0; i < visibility.length; i++) {
            nodes.add(new Points(AnnotationInfo.of(skeleton.nodeLabels().get(i)),
                    Arrays.copyOfRange(xy, 2 * i, 2 * i + 2), new byte[] {visibility[i]}));
        }
        return new Skeleton(info, nodes);
    }

    private int nameNumber(String name) {
        return nameNumbers.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }

    private static void writeValue(Object value, RecordBuffer out) {
        if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeSignedLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeLong(list.size());
            list.forEach(v -> writeValue(v, out));
        } else {
            out.writeByte(STRING);
            out.writeString(String.valueOf(value));
        }
    }

    private static Object readValue(RecordCursor in) {
        int tag = in.readByte();
        return switch (tag) {
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case LONG -> in.readSignedLong();
            case DOUBLE -> in.readDouble();
            case LIST -> {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readValue(in));
                }
                yield List.copyOf(list);
            }
            default -> in.readString();
        };
    }

    /** An integer value (Long, or a Double without fraction), else {@code null}. */
    private static Long integral(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return d.longValue();
        }
        return null;
    }
}
