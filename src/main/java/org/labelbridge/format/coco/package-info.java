/**
 * COCO 1.0 (CVAT's name): {@code annotations/<task>_<subset>.json} plus
 * {@code images/<subset>/<file_name>}.
 *
 * <p>Reads every COCO task: instances and stuff (boxes, polygons, RLE masks in both count forms),
 * person_keypoints (a skeleton where the category names its keypoints, else points), labels
 * (tags), captions, image_info (images only); panoptic files give their images, and their
 * PNG segments are reported as not read. Task files of one subset are merged by image; each
 * annotation's group is its COCO id. A task file may be given alone; a lone JSON named after no
 * task is instances of the default subset. Files are parsed with Jackson's streaming parser
 * into a compact index (annotations as encoded records, sorted by image once all is read).
 *
 * <p>Writes what CVAT's COCO 1.0 export writes: one {@code instances_<subset>.json} per subset,
 * streamed (its {@code images} list comes after {@code annotations}), category ids 1..N in label
 * order, masks as uncompressed RLE with {@code iscrowd} 1, CVAT's {@code attributes} object
 * (custom attributes, occluded, rotation, track_id, keyframe) and {@code score}; images are
 * copied to {@code images/<subset>/}. Captions, tags and keypoints are not written.
 */
package org.labelbridge.format.coco;
