/**
 * Sly Point Cloud Format 1.0: a Supervisely point cloud project, as CVAT exports a point cloud
 * task through its Datumaro fork ({@code sly_pointcloud_format}).
 *
 * <pre>
 * meta.json                                  classes (labels, shape cuboid_3d), tags (attributes)
 * key_id_map.json                            numeric ids of keys: videos (frames), objects, figures, tags
 * ds0/ann/&lt;name&gt;.pcd.json                    per frame: description, key, tags, objects, figures
 * ds0/pointcloud/&lt;name&gt;.pcd                  the point cloud, copied raw
 * ds0/related_images/&lt;name&gt;_pcd/&lt;image&gt;     related images, each with &lt;image&gt;.json (camera matrices)
 * </pre>
 *
 * <p>An item is a frame: id {@code <name>}, frame number the key map's {@code videos} id of its
 * key, item attributes {@code description} and its tags. An object ({@code key},
 * {@code classTitle}, tags) is one track across frames, its key map id the track id; a figure
 * is one cuboid of an object ({@code geometry} position, rotation, dimensions as x, y, z; id
 * from the key map). Tag values {@code "true"}/{@code "false"} are booleans. A tag
 * {@code imagesOnly} is an item attribute; others are attributes of the classes they list, or of
 * every label; an object lacking one gets Datumaro's default ({@code ""}, {@code 0}, the first
 * {@code oneof_string} value). Every dataset folder is read into one subset. A folder with
 * {@code pointcloud/} and no annotations (CVAT's point cloud task data, which may be the root
 * itself) gives items without annotations; so does a point cloud without an annotation file.
 * The camera matrices of related images are not kept (written as zeros, as Datumaro does).
 *
 * <p>Writing, as Datumaro's exporter does: one dataset {@code ds0}; a cuboid of a track is a
 * figure of the track's object (its id the track id), a cuboid without a track an object of its
 * own; the keys are name-based UUIDs (the same input gives the same output); tags are declared
 * in {@code meta.json} as their values need ({@code any_number}, {@code any_string}).
 *
 * <p>Consumer: CVAT imports it through its fork's {@code SuperviselyPointCloudExtractor}, which
 * needs: {@code meta.json} and {@code key_id_map.json} at the root, every object, figure and
 * frame key in the key map, every figure's {@code objectKey} among its file's objects, every
 * {@code classTitle} a declared class, every tag in {@code meta.json}, and {@code ds0/ann/} beside
 * {@code ds0/pointcloud/}. {@code SlyPointCloudConsumerContractTest} checks this on every 3D
 * corpus sample's output.
 */
package org.labelbridge.format.slypointcloud;
