/**
 * KITTI 1.0: 2D object detection and instance segmentation, as CVAT and Datumaro write it.
 *
 * <p>Consumer: CVAT imports KITTI through Datumaro's
 * ({@code datumaro/plugins/kitti_format}, {@code KittiExtractor}): {@code <subset>/label_2/} lines
 * of 15 or 16 whitespace-separated words (so a type, a label name, cannot hold spaces), truncated
 * through {@code float()}, occluded through {@code int()}, the rest {@code float()}; an instance PNG
 * value v is label {@code v >> 8} of label_colors.txt (read as Cityscapes' is: one-word names,
 * unique). {@code KittiConsumerContractTest} checks these on every corpus sample's output, and
 * that each mask is its image's size.
 *
 * <pre>
 * label_colors.txt               "r g b name" a line: line index = label id in the masks
 * labels.txt                     optional: label names, one a line (detection label order)
 * dataset_meta.json              written: Datumaro's label list for every part (see below); not read
 * &lt;subset&gt;/image_2/&lt;id&gt;.png       the image (any extension)
 * &lt;subset&gt;/label_2/&lt;id&gt;.txt       "type truncated occluded alpha left top right bottom h w l x y z rotation_y [score]"
 * &lt;subset&gt;/instance/&lt;id&gt;.png      16-bit ids: label &lt;&lt; 8 | instance (instance 0 = crowd)
 * &lt;subset&gt;/semantic/&lt;id&gt;.png      label id per pixel (written; not read: instance holds the same)
 * &lt;subset&gt;/semantic_rgb/&lt;id&gt;.png  label colour per pixel (written; not read)
 * </pre>
 *
 * <p>Reading: an object line becomes a {@code Bbox} (id = its line among the file's objects)
 * with {@code truncated} and {@code occluded} as flags (true when not 0, as CVAT reads them;
 * fractions and occlusion levels are reported), {@code alpha} where it is not -1,
 * {@code dimensions} and {@code location} (lists) and {@code rotation_y} unless all seven are
 * -1 (CVAT's placeholders), and {@code score} on 16-value lines. Each value of an instance
 * mask becomes a {@code Mask} of label {@code v >> 8} with id {@code v & 255} and
 * {@code is_crowd} when that id is 0. Labels: with instance masks, label_colors.txt (else
 * Cityscapes' 35 labels, KITTI's default); without, labels.txt, else label_colors.txt; object
 * types not declared are added in order of first appearance. calib/ and velodyne/ (KITTI 3D)
 * are reported as not read, and the detector leaves such data to other formats.
 *
 * <p>Writing: unrotated boxes become object lines (attributes as above; -1 where absent;
 * other attributes reported). Masks, polygons, ellipses and rotated boxes are rasterised
 * (pixel rule in {@code format.common.pixels}) and merged by z-order into instance, semantic
 * and semantic_rgb PNGs; rasterising, merged crowds and hidden pixels are reported. Class 0 is
 * the background (the first black label, else {@code background}, else added); instances keep
 * their id where it is 1..255 and free in their label; a crowd ({@code is_crowd} true) is
 * instance 0. An item without boxes or masks gets an empty label file, so it is kept. The
 * report counts an item's masks as the instance mask reads back (as Datumaro reads it): one per
 * value, the unpainted background (value 0, label 0) included.
 *
 * <p>What the consumer requires (Datumaro's {@code KittiImporter}, which CVAT runs): a
 * {@code **}{@code /label_2/*.txt} or {@code **}{@code /instance/*.png}. Each subset's detection part
 * builds its own label list from the types it meets, unless {@code dataset_meta.json} at the root
 * gives one; subsets that met different types then conflict when CVAT merges them. So the writer
 * also writes {@code dataset_meta.json} ({@code format.common.pixels.DatasetMetaFile}: the same
 * classes as label_colors.txt, background first), which every part then takes; our reader
 * reads label_colors.txt and labels.txt, which say the same. Ids are written as clean relative
 * paths ({@code format.common.FileNames}).
 */
package org.labelbridge.format.kitti;
