/**
 * COCO 1.0 (CVAT's name): {@code annotations/<task>_<subset>.json} plus
 * {@code images/<subset>/<file_name>}.
 *
 * <p>Reads every COCO task: instances and stuff (boxes, polygons, RLE masks with counts as a list
 * or compressed), person_keypoints (a skeleton where the category names its keypoints, else
 * points), labels (tags), captions, image_info (images only), panoptic ({@code panoptic_<subset>.json}
 * with {@code panoptic_<subset>/<file_name>} PNGs: each {@code segments_info} entry is a mask of the
 * pixels whose R + 256 G + 256^2 B is its id, with its category, iscrowd and id; segments whose
 * PNG is missing are reported as not read). Task files of one subset are merged by image,
 * an annotation repeated by a later task (person_keypoints repeats the instances' segmentation)
 * is given once. Each annotation's group is its COCO id; several polygons of one annotation are
 * polygons sharing it. Labels follow the categories in order of appearance, supercategory as
 * parent; category 0 is no label. A name is one label across all files (CVAT keys labels by name,
 * a trainer takes a name as a class): a category that another file (Roboflow: another subset)
 * gives another supercategory is merged into the first, reported with both; only when both
 * supercategories are labels with annotations of their own is it an error. Skeleton nodes of
 * one name stay one per skeleton. CVAT's {@code attributes} object gives the attributes, with
 * {@code track_id}/{@code keyframe} as the track and a box's {@code rotation} as its rotation.
 * A task file may be given alone; a lone JSON named after no task is instances of the default
 * subset. Files are parsed with Jackson's streaming parser into a compact index (annotations
 * as encoded records, put in image order once every file is read).
 *
 * <p>Writes what CVAT's COCO 1.0 export writes: one {@code instances_<subset>.json} per subset,
 * streamed (its {@code images} list comes after {@code annotations}), category ids 1..N in label
 * order, polygons and masks of one group and label as one annotation (the spec's group rule), masks as RLE with counts as a list
 * ({@code iscrowd} 1 unless {@code is_crowd} says otherwise). The segmentation follows
 * {@code iscrowd} as COCO demands: a crowd's polygons and masks (one group and label) are unioned into
 * one RLE mask by the pixel rule (kept as polygons, reported, when the image size is unknown);
 * a non-crowd mask is traced into polygons along pixel edges, holes filled and reported. The
 * report counts each object as pycocotools and the reader read it back: a crowd's RLE as one
 * mask (however many polygons and masks were joined into it), a polygon list as its polygons
 * (a traced mask as the polygons traced from it). Then
 * {@code score}, and the
 * {@code attributes} object; images are copied to {@code images/<subset>/}. An image of unknown size
 * is written with width and height 0, as Datumaro writes it (and reads it back: unknown), and
 * reported: pycocotools takes them as the size. Captions, tags and
 * keypoints are not written.
 *
 * <p>Consumer (instances): pycocotools' {@code COCO} indexes images, annotations and categories by
 * id (a repeated id hides the other); {@code annToRLE}/{@code annToMask} pass the segmentation to
 * {@code frPyObjects} at the image's {@code height} x {@code width}: a list whose first entry has 4
 * numbers is taken as boxes and one of more than 4 as polygons (so every polygon has 3 x, y pairs or
 * more), an object with list {@code counts} as uncompressed RLE, a string as compressed RLE
 * ({@code rleFrString}), so an {@code iscrowd} 1 object carries RLE whose {@code size} is its image's and
 * whose runs cover it; {@code loadRes} and the evaluation derive {@code area} ({@code maskUtils.area})
 * and {@code bbox} ({@code toBbox}) from the segmentation, so the written ones agree with it (a
 * polygon's area within a pixel's margin of its own). Every {@code category_id} is a category:
 * Datumaro writes an unlabelled object with {@code category_id} 0 and CVAT reads it back unlabelled,
 * but no category declares 0 ({@code loadCats}, detectron2's category map fail on it), so this
 * target follows pycocotools and holds no unlabelled objects (the pipeline drops them, reported).
 * A box alone keeps {@code segmentation: []} as CVAT's and Datumaro's exporters write it (CVAT's
 * importer then reads a box, not a polygon); {@code annToMask} is not defined on it, as on any COCO
 * detection-only object. CVAT's importer (Datumaro's {@code coco_format/extractor.py}) keys labels by
 * supercategory and name, so a name is once under a supercategory. {@code CocoConsumerContractTest}
 * checks all of this on every corpus sample's output, decoding the RLE as {@code maskApi.c} does.
 *
 * <p>COCO Keypoints 1.0 ({@link org.labelbridge.format.coco.CocoKeypointsFormat}) shares the reader,
 * which then also gives a keypoints object's {@code bbox} as a box of its group when it is not the
 * frame a writer derives (of its polygons, else of its labelled keypoints). Its writer streams
 * {@code person_keypoints_<subset>.json} the same way, writing what CVAT's exporter writes: a
 * category per label that is no skeleton node (id 1 + the label's index, as CVAT numbers them), each
 * with {@code keypoints} (its skeleton's node label names in node order, else empty) and 1-based
 * {@code skeleton} edges (else empty); one object per skeleton whose label has a layout, with
 * {@code keypoints} x, y, v for every node of the layout (a missing node absent at 0, 0),
 * {@code num_keypoints} (the nodes with v > 0), the group's polygons as {@code segmentation}, the
 * group's box (else the derived frame) as {@code bbox}. Plain points and unlabelled objects are
 * dropped before writing (the descriptor holds neither); the writer drops, reported, skeletons
 * without a layout and boxes and polygons outside a skeleton's group. Images without objects are
 * listed, with no annotation.
 *
 * <p>What the consumers require of a keypoints file. CVAT's importer (Datumaro's COCO extractor,
 * {@code _load_person_kp_categories}): every category has a {@code keypoints} and a {@code skeleton}
 * list, and each keypoint name becomes a label under its category, so a category named like a
 * keypoint of another, with that one as supercategory, fails with "Label ... already exists". Its
 * {@code _load_annotations}: every object has integer {@code id}, {@code image_id} of a listed image,
 * {@code category_id}, {@code iscrowd}, a {@code segmentation} list or RLE, {@code bbox} where the
 * segmentation is empty, and {@code keypoints} in x, y, v triplets ("Missing annotation field
 * 'keypoints'" otherwise), named in order by its category's keypoints; CVAT then drops the boxes. pycocotools'
 * {@code COCO} indexes images, annotations and categories by id (a repeated id hides the other) and
 * its evaluation reads {@code area}, {@code bbox}, {@code iscrowd} and {@code num_keypoints}.
 * {@code CocoKeypointsConsumerContractTest} checks all of this on every corpus sample's output.
 */
package org.labelbridge.format.coco;
