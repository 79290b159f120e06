/**
 * Open Images V6 (also read with V5's file names): classes, image lists and annotations as
 * CSV files in {@code annotations/}, images in {@code images/<subset>/}, masks as PNGs in
 * {@code masks/<subset>/}.
 *
 * <p>Consumer: CVAT imports Open Images through Datumaro's
 * ({@code datumaro/plugins/open_images_format.py}, {@code OpenImagesExtractor}): CSVs read by their
 * header, every LabelName declared in {@code oidv6-class-descriptions.csv} (else
 * {@code UndeclaredLabelError}), box corners as fractions through {@code float()} of an image size
 * it finds in images.meta or the image, a mask PNG at {@code masks/<subset>/<MaskPath>}.
 * {@code OpenImagesConsumerContractTest} checks these on every corpus sample's output.
 *
 * <pre>
 * annotations/oidv6-class-descriptions.csv          LabelName,DisplayName (V5: class-descriptions.csv, no header)
 * annotations/bbox_labels_600_hierarchy.json        parents of classes, under a made-up root
 * annotations/image_ids_and_rotation.csv            ImageID,Subset,... (V5: &lt;subset&gt;-images[-with-labels]-with-rotation.csv)
 * annotations/images.meta                           &lt;ImageID&gt; &lt;height&gt; &lt;width&gt; (Datumaro's; sizes)
 * annotations/&lt;subset&gt;-annotations-human-imagelabels.csv   a Tag {score}
 * annotations/&lt;subset&gt;-annotations-bbox.csv               a Bbox {score, occluded, truncated,
 *                                                   is_group_of, is_depiction, is_inside}
 * annotations/&lt;subset&gt;-annotations-object-segmentation.csv a Mask {box_id, predicted_iou}
 * </pre>
 *
 * Box corners are fractions of the image, so the image size is needed: from images.meta,
 * else the image file's header; without one, boxes and masks are reported and dropped.
 * Labels are the classes' LabelNames ({@code /m/...}); display names are not kept. Mask PNGs
 * have their own resolution and are scaled to the image (nearest neighbour). Polygons are
 * written as the masks they rasterise to (the report counts them as masks). The reader
 * follows Datumaro's, which CVAT uses; the writer writes the V6 names.
 *
 * <p>What the consumer requires (Datumaro's {@code OpenImagesImporter}): the
 * {@code annotations/*.csv} files. Item ids that name files are written as clean relative paths
 * ({@code format.common.FileNames}), reported.
 */
package org.labelbridge.format.openimages;
