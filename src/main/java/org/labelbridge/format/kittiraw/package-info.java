/**
 * Kitti Raw Format 1.0: the annotations of the KITTI raw data recordings, as CVAT exports a
 * point cloud task through its Datumaro fork ({@code kitti_raw_format}).
 *
 * <pre>
 * tracklet_labels.xml              boost XML: &lt;tracklets&gt; of &lt;item&gt; (objectType, h, w, l,
 *                                  first_frame, &lt;poses&gt; of tx ty tz rx ry rz state occlusion
 *                                  occlusion_kf truncation ..., optional &lt;attributes&gt;)
 * frame_list.txt                   "&lt;frame&gt; &lt;item id&gt;" lines (CVAT's; absent in KITTI's own data)
 * velodyne_points/data/&lt;id&gt;.pcd   the point cloud of each frame, copied raw (.bin read too)
 * image_00/data/&lt;id&gt;.&lt;ext&gt;       related images, one folder per camera (IMAGE_00 read too)
 * </pre>
 *
 * <p>One tracklet is one track: its n-th pose is the cuboid at frame {@code first_frame + n},
 * position {@code tx ty tz}, rotation {@code rx ry rz}, scale {@code w h l} (the same for the
 * whole tracklet, negative values kept as CVAT's samples have them). Tracklet n (from 1) is track
 * n. A pose out of the image or behind it (truncation 2 or 99) is not there. {@code occlusion}
 * 1 or 2 is {@code occluded: true}; an unset one is the last {@code occlusion_kf} pose's. A pose
 * of {@code state} 2 (labelled) is a keyframe. Items are the frames the tracklets reach and the
 * frames {@code frame_list.txt} names (its name is the item id, else the frame as 10 digits), in
 * frame order, in one subset. Labels are the object types, sorted; every label has
 * {@code occluded}.
 *
 * <p>Writing, as Datumaro's exporter does with CVAT's {@code reindex}: a cuboid without a track is
 * a tracklet of one pose; a track that changes label or size, or meets a frame twice, goes on as
 * a new tracklet (reported); frames a track skips are poses with truncation 2; other attributes
 * go into each pose's {@code <attributes>}, which Datumaro reads back.
 *
 * <p>Consumer: CVAT imports it through its fork's {@code KittiRawExtractor} ({@code ElementTree}
 * iterparse of the first XML file, {@code track['length'] == len(track['shapes'])} asserted),
 * which needs: each tracklet's {@code <poses>} {@code <count>} equal to its poses, numbers in
 * every geometry field, and the point clouds at {@code velodyne_points/data/<name>.pcd}.
 * {@code KittiRawConsumerContractTest} checks this on every 3D corpus sample's output.
 */
package org.labelbridge.format.kittiraw;
