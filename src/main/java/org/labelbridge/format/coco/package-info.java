/**
 * COCO 1.0 (CVAT's name): {@code annotations/<task>_<subset>.json} plus
 * {@code images/<subset>/<file_name>}.
 *
 * <p>Reads every COCO task: instances and stuff (boxes, polygons, RLE masks with counts as a list
 * or compressed), person_keypoints (a skeleton where the category names its keypoints, else
 * points), labels (tags), captions, image_info (images only); panoptic files give their images,
 * and their PNG segments are reported as not read. Task files of one subset are merged by image,
 * an annotation repeated by a later task (person_keypoints repeats the instances' segmentation)
 * is given once. Each annotation's group is its COCO id; several polygons of one annotation are
 * polygons sharing it. Labels follow the categories in order of appearance, supercategory as
 * parent; category 0 is no label. CVAT's {@code attributes} object gives the attributes, with
 * {@code track_id}/{@code keyframe} as the track and a box's {@code rotation} as its rotation.
 * A task file may be given alone; a lone JSON named after no task is instances of the default
 * subset. Files are parsed with Jackson's streaming parser into a compact index (annotations
 * as encoded records, put in image order once every file is read).
 *
 * <p>Writes what CVAT's COCO 1.0 export writes: one {@code instances_<subset>.json} per subset,
 * streamed (its {@code images} list comes after {@code annotations}), category ids 1..N in label
 * order, polygons of one group and label as one annotation, masks as RLE with counts as a list
 * ({@code iscrowd} 1 unless {@code is_crowd} says otherwise), {@code score}, and the
 * {@code attributes} object; images are copied to {@code images/<subset>/}. Captions, tags and
 * keypoints are not written.
 */
package org.labelbridge.format.coco;
