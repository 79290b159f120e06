package org.labelbridge.format.kittiraw;

import java.util.List;
import java.util.Map;

/**
 * One tracklet of {@code tracklet_labels.xml}: an object type, a size fixed for the whole track
 * ({@code w}, {@code h}, {@code l}), the frame of its first pose and one pose per frame from
 * there on.
 *
 * @param attributes the tracklet's own {@code <attributes>}, as text
 */
record Tracklet(String objectType, double w, double h, double l, long firstFrame, List<Pose> poses,
                Map<String, String> attributes) {

    /**
     * One frame of a tracklet.
     *
     * @param state      0 unset, 1 interpolated, 2 labelled
     * @param occlusion  -1 unset, 0 visible, 1 partly, 2 fully occluded
     * @param occlusionKeyframe whether the occlusion was set at this frame (an unset one inherits it)
     * @param truncation -1 unset, 0 in image, 1 truncated, 2 out of image, 99 behind the image
     * @param attributes the pose's {@code <attributes>}, as text
     */
    record Pose(double tx, double ty, double tz, double rx, double ry, double rz, int state, int occlusion,
                boolean occlusionKeyframe, int truncation, Map<String, String> attributes) {

        /** Out of the image or behind it: the object is not there at this frame. */
        boolean absent() {
            return truncation == KittiRawLayout.OUT_IMAGE || truncation == KittiRawLayout.BEHIND_IMAGE;
        }
    }
}
