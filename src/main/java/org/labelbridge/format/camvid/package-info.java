/**
 * CamVid 1.0: semantic segmentation as colour masks, as CVAT and Datumaro write it.
 *
 * <p>Consumer: CVAT imports CamVid through Datumaro's
 * ({@code datumaro/plugins/camvid_format.py}, {@code CamvidExtractor}, {@code parse_label_map}):
 * {@code <subset>.txt} lines of an image path and a mask path from the dataset root (leading
 * {@code /}); label_colors.txt lines {@code r g b name} where everything before the last word goes
 * through {@code int()} and the name is the fourth word, names unique: so each whitespace run of
 * a name is written as {@code _}, reported ({@code BackgroundFirstLabels}; CVAT's exporter writes
 * the name as it is, and its importer then fails on it); every mask
 * colour a label's. {@code CamVidConsumerContractTest} checks these on every corpus sample's
 * output, and that each mask is its image's size.
 *
 * <pre>
 * label_colors.txt         optional: "r g b name" (or "name") a line; default: CamVid's 32 classes
 * &lt;subset&gt;.txt             "/&lt;subset&gt;/&lt;id&gt;.png /&lt;subset&gt;annot/&lt;id&gt;.png" a line (mask optional)
 * &lt;subset&gt;/&lt;id&gt;.png         the image (any extension)
 * &lt;subset&gt;annot/&lt;id&gt;.png    class mask: pixel colour = label colour
 * </pre>
 *
 * <p>Reading: label 0 is the table's first black label, else its {@code background}, else an
 * added {@code background} whose pixels are not read as masks (CVAT's rule); a table without
 * colours takes VOC palette colours by index. Each label present in a mask becomes one
 * {@code Mask} (no id, group or attributes). Colour masks (RGB or palette) are looked up by
 * colour, grey masks are label indices. A colour or index not in the table is an error naming
 * the file and pixel. The item id is the image path below its subset folder, without
 * extension; the size comes from the mask, else the image header.
 *
 * <p>Writing: masks, polygons, boxes (rotated too) and ellipses are rasterised (pixel rule
 * in {@code format.common.pixels}) and merged by z-order into one RGB class mask per item;
 * rasterising, shapes merged into one class and hidden pixels are reported, and the report
 * counts the item out as one mask per label in its mask (also the background's, where it is a
 * label of the table), what this reader and Datumaro's give back
 * ({@code format.common.pixels.MasksReadBack}). label_colors.txt
 * lists every label with a colour of its own (black first); an added background is left out,
 * as CVAT does. Every item is listed, without a mask when it has no shapes. Instances,
 * attributes and groups are not kept.
 *
 * <p>What the consumer requires (Datumaro's {@code CamvidImporter}): a {@code <subset>.txt}
 * list beside label_colors.txt. Item ids that name files are written as clean relative paths
 * ({@code format.common.FileNames}), reported.
 */
package org.labelbridge.format.camvid;
