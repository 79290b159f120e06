/**
 * The Ultralytics YOLO family as CVAT reads and writes it: Detection, Detection Track,
 * Segmentation, Oriented Bounding Boxes, Pose and Classification, six formats sharing one layout.
 *
 * <pre>
 * data.yaml              path: .   train: train.txt   val: images/val   names: {0: cat} or [cat]
 *                        (nc without names gives class_0..; pose adds kpt_shape: [points, 2|3])
 * train.txt              one image path a line: images/train/1.jpg
 * images/&lt;subset&gt;/&lt;id&gt;.jpg   labels/&lt;subset&gt;/&lt;id&gt;.txt
 *                        (or &lt;subset&gt;/images/ and &lt;subset&gt;/labels/, as Roboflow writes)
 *   detection            class cx cy w h                          fractions of the image size
 *   segmentation         class x1 y1 x2 y2 x3 y3 ...              a polygon
 *   oriented boxes       class x1 y1 x2 y2 x3 y3 x4 y4            a rotated box's corners
 *   pose                 class cx cy w h px1 py1 [v1] ...         a skeleton of kpt_shape points
 *                        any line may end with a whole-number track id (CVAT's)
 * images.meta            (Datumaro's, optional) "&lt;id&gt; &lt;height&gt; &lt;width&gt;" for images not present
 * &lt;subset&gt;/&lt;label&gt;/&lt;image&gt;   classification; &lt;subset&gt;/labels.json (CVAT's) keeps ids and labels
 * </pre>
 *
 * The subsets are the keys Ultralytics reads images from ({@code check_det_dataset}): train, val,
 * test and minival, and validation as val when there is no val. Every other key ({@code format},
 * {@code roboflow}, {@code skip_if_label_file_missing}, a subset name Datumaro would take) is not
 * read, as Ultralytics does not read it, and the report names it. A subset's images are a folder
 * (read recursively), a list file of image paths, an image, or a YAML list of those (Ultralytics
 * takes folders and list files, Datumaro's YAML lists are images); paths
 * are found as Ultralytics and Datumaro find them (relative to {@code path}, a list file or the
 * root; a leading {@code ../} or {@code data/} dropped when that is where they are). An image's
 * label file is its path with the last {@code images} folder turned into {@code labels}. Sizes
 * come from image headers, else images.meta; an item without one keeps no annotations, and the
 * loss is reported. Pose points are child labels {@code <class>_point_<i>} of their skeleton
 * label, as CVAT names them; the pose box is not kept (the writer gives the box around the
 * points). The writers write CVAT's shape: data.yaml with a list file per split, and a label file
 * for every image, empty when it has no objects; no track ids (Ultralytics' trainer rejects a line
 * of 6 fields), except Detection Track's.
 *
 * <p>Detection Track ({@code ultralytics_detection_track}) is CVAT's export-only
 * {@code Ultralytics YOLO Detection Track 1.0}: Datumaro's Ultralytics detection exporter with
 * {@code write_track_id}, which appends {@code " <track_id>"} to the line of a box of a track and
 * nothing to other boxes. CVAT imports these files with its plain Ultralytics importers, whose
 * readers take the trailing whole number as the box's track id; so do ours, for every task. It
 * reads as detection does, and its detector answers (just above detection's) only when every
 * sampled line carries a track id, so that what it wrote reads back with its tracks.
 *
 * <p>Splits. CVAT's exporter ({@code YoloUltralyticsExporter}) writes every subset under its own
 * name as a data.yaml key, items without a subset into {@code train}; but Ultralytics reads only
 * train, val, test and minival, by those exact names, so a CVAT project's {@code Train},
 * {@code Validation}, {@code Test} or one task's {@code annotations} would not be trained on. The
 * label-file writers write each subset to the split its name means, whatever its case
 * ({@code training}, {@code trainval} to train; {@code valid}, {@code validation} to val;
 * {@code testing} to test), items without a subset to train as CVAT does, and a subset of another
 * name to train when it is the only one (a whole dataset). A subset of another name beside others
 * (Market-1501's {@code query}) has no telling split: writing fails, naming the option
 * {@code subset_map}. Each rename and merge is reported once per subset; an id that two subsets
 * merged into one split share is written, for the later item, as {@code <id>_<subset>} (a number
 * after it if that is taken too), and reported. Masks are traced into one polygon per separate
 * part (holes filled), counted as the polygons written. The classification writer keeps subset
 * folders by name (its reader, as CVAT's, reads every folder).
 *
 * <p>What the consumers require. Ultralytics' trainer ({@code verify_image_label} in
 * {@code ultralytics/data/utils.py}) finds a label file by turning the image path's last
 * {@code /images/} into {@code /labels/} and its extension into {@code .txt}; a missing or empty
 * file is an image without objects. Every line of a file has the same width: 5 numbers for
 * detection, 5 + points x values for pose ({@code kpt_shape}); a file with a line longer than 6
 * is read as polygons (segmentation, and the oriented boxes' 9). Class ids are whole numbers below
 * the count of {@code names}; coordinates lie in [0, 1] (1% tolerance; pose visibility is 0, 1 or
 * 2), else the whole image is rejected as corrupt. CVAT's importer (Datumaro's Ultralytics
 * extractors) reads the images each subset's list file (or folder) names, {@code images} among the
 * first two folders of each path, and opens the label file of every one: CVAT versions whose
 * extractor does not first check that it exists fail the import on an image without one ("No such
 * file or directory"), so every image gets one. The classes are {@code names}, a list or a map from
 * id to name. {@code UltralyticsConsumerContractTest} checks this on every corpus sample's output
 * for the four label-file tasks.
 */
package org.labelbridge.format.ultralytics;
