/**
 * Segmentation mask 1.1: CVAT's export of Pascal VOC's segmentation part.
 *
 * <pre>
 * labelmap.txt                        optional: name:r,g,b:parts:actions per label
 * ImageSets/Segmentation/&lt;subset&gt;.txt  item ids, one a line
 * SegmentationClass/&lt;id&gt;.png          class map: pixel colour = label colour
 * SegmentationObject/&lt;id&gt;.png         instance map: VOC palette colour i = instance i (0 = none)
 * JPEGImages/&lt;id&gt;.jpg                 the image (any extension)
 * </pre>
 *
 * <p>Reading: without labelmap.txt the labels are VOC's (background, the 20 classes,
 * ignored) with the VOC palette. Masks may be palette, RGB or grey PNGs; palette and RGB
 * pixels are looked up by colour, grey pixels are the label index (instance id) itself, as
 * CVAT reads them. Each instance becomes a {@code Mask} labelled by the class under most of
 * its pixels, with group = instance id; with only a class map, each class present becomes a
 * mask (background included, as Datumaro does). Masks listed in no subset are reported and
 * skipped.
 *
 * <p>Writing: masks, polygons, boxes (rotated too) and ellipses are rasterised (pixel rule in
 * {@code format.common.pixels}) and merged by z-order into one class and one instance PNG
 * per item; every change and every hidden pixel is reported. Annotations of one group and
 * label form one instance, whose id is the group where it fits the 255-entry VOC palette.
 * The report counts such an item out as one mask per instance that shows a pixel, what this
 * reader and Datumaro's {@code voc_segmentation} give back, whatever kinds were painted
 * ({@code format.common.pixels.MasksReadBack}).
 * labelmap.txt is always written: background first (black unless the dataset colours it),
 * then the dataset's labels with their colours, VOC palette colours for the rest. PNGs are
 * palette PNGs (RGB beyond 256 labels or 255 instances). Attributes are not kept.
 *
 * <p>What the consumer requires (CVAT imports it as Datumaro's {@code voc_segmentation}): an
 * {@code ImageSets/Segmentation/<subset>.txt} list, and one flat folder per kind for all
 * subsets. Ids are written as clean relative paths ({@code format.common.FileNames}); an id that
 * an item of another subset already took is written as {@code <subset>_<id>}
 * ({@code FlatFolderIds}), reported, instead of two files of one name.
 *
 * <p>Consumer: CVAT's "Segmentation mask 1.1" importer ({@code cvat/apps/dataset_manager/formats/mask.py})
 * is Datumaro's VOC importer on this layout, so the VOC rules hold (see {@code format.voc}): labelmap
 * names and colours once each, class PNG pixels of labelmap colours, instance PNG pixels of the VOC
 * palette, both PNGs of one size and of a listed id. {@code SegmentationMaskConsumerContractTest}
 * checks this on every corpus sample's output with the VOC contract's checks.
 */
package org.labelbridge.format.segmask;
