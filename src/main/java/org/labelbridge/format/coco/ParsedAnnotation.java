package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One entry of {@code annotations} as the parser found it, before it is encoded. Reused from
 * entry to entry, so a large file allocates almost nothing per annotation.
 */
final class ParsedAnnotation {

    long id;
    boolean hasId;
    long imageId;
    boolean hasImageId;
    /** 0 when absent: COCO's "no category". */
    long categoryId;
    boolean crowd;
    boolean hasScore;
    double score;
    final double[] bbox = new double[4];
    boolean hasBbox;

    /** Polygons: all coordinates in {@code coordinates}, each polygon ending at {@code polygonEnds[i]}. */
    double[] coordinates = new double[64];
    int coordinateCount;
    int[] polygonEnds = new int[4];
    int polygonCount;

    boolean hasRle;
    int rleHeight;
    int rleWidth;
    int[] rleCounts = new int[16];
    int rleCount;

    String caption;

    double[] keypoints = new double[16];
    int keypointCount;
    boolean hasKeypoints;

    final List<String> attributeNames = new ArrayList<>();
    final List<Object> attributeValues = new ArrayList<>();

    /** Panoptic: how many segments {@code segments_info} listed. */
    int segments;
    /** Panoptic: each listed segment's id, category id and iscrowd (0/1), in order. */
    long[] segmentInfo = new long[12];
    /** Panoptic: the segment PNG's {@code file_name}. */
    String fileName;

    void addSegment(long segmentId, long category, boolean segmentCrowd) {
        if (3 * segments + 3 > segmentInfo.length) {
            segmentInfo = Arrays.copyOf(segmentInfo, segmentInfo.length * 2);
        }
        segmentInfo[3 * segments] = segmentId;
        segmentInfo[3 * segments + 1] = category;
        segmentInfo[3 * segments + 2] = segmentCrowd ? 1 : 0;
        segments++;
    }

    void reset() {
        hasId = false;
        id = 0;
        hasImageId = false;
        imageId = 0;
        categoryId = 0;
        crowd = false;
        hasScore = false;
        hasBbox = false;
        coordinateCount = 0;
        polygonCount = 0;
        hasRle = false;
        rleCount = 0;
        caption = null;
        keypointCount = 0;
        hasKeypoints = false;
        attributeNames.clear();
        attributeValues.clear();
        segments = 0;
        fileName = null;
    }

    void addCoordinate(double value) {
        if (coordinateCount == coordinates.length) {
            coordinates = Arrays.copyOf(coordinates, coordinateCount * 2);
        }
        coordinates[coordinateCount++] = value;
    }

    void endPolygon() {
        if (polygonCount == polygonEnds.length) {
            polygonEnds = Arrays.copyOf(polygonEnds, polygonCount * 2);
        }
        polygonEnds[polygonCount++] = coordinateCount;
    }

    /** Forgets the coordinates since the last polygon's end (a polygon that is dropped). */
    void dropPolygon() {
        coordinateCount = polygonCount == 0 ? 0 : polygonEnds[polygonCount - 1];
    }

    void addRleCount(int value) {
        if (rleCount == rleCounts.length) {
            rleCounts = Arrays.copyOf(rleCounts, rleCount * 2);
        }
        rleCounts[rleCount++] = value;
    }

    void addKeypointValue(double value) {
        if (keypointCount == keypoints.length) {
            keypoints = Arrays.copyOf(keypoints, keypointCount * 2);
        }
        keypoints[keypointCount++] = value;
    }

    /** The attribute's value, or {@code null}. */
    Object attribute(String name) {
        int i = attributeNames.indexOf(name);
        return i < 0 ? null : attributeValues.get(i);
    }

    void removeAttribute(String name) {
        int i = attributeNames.indexOf(name);
        if (i >= 0) {
            attributeNames.remove(i);
            attributeValues.remove(i);
        }
    }

    /** Where this entry is, for messages: {@code annotations[17] (id 42)}. */
    String describe(int index) {
        return "annotations[" + index + "]" + (hasId ? " (id " + id + ")" : "");
    }
}
