/**
 * YOLO 1.1 (darknet), as CVAT exports and imports it: boxes only.
 *
 * <pre>
 * obj.data                 classes = N, train = data/train.txt, [valid = data/valid.txt,]
 *                          names = data/obj.names, backup = backup/
 * obj.names                one label a line; a label id is its position
 * train.txt, valid.txt     one image path a line: data/obj_train_data/1.jpg
 * obj_&lt;subset&gt;_data/&lt;id&gt;.jpg  and  &lt;id&gt;.txt   "label_id cx cy w h", fractions of the image size
 * images.meta              (Datumaro's, optional) "&lt;id&gt; &lt;height&gt; &lt;width&gt;" for images not present
 * </pre>
 *
 * Paths starting with {@code data/} are read relative to the dataset root (darknet runs from its
 * own folder). Every obj.data key other than darknet's settings names a subset; the writer puts
 * items without a subset in {@code train}. Coordinates are relative, so the reader learns each
 * image's size from its header ({@code ImageHeaders}) or images.meta; without it boxes are
 * dropped and reported. The reader also takes Datumaro's 'loose' layout: obj.names, label files
 * in {@code Annotations/} or {@code labels/} (optionally in subset folders, else subset
 * {@code default}) and images in a sibling folder such as {@code Images/}.
 *
 * <p>What the consumer requires: CVAT's importer (Datumaro's {@code YoloExtractor}) reads obj.data,
 * the names file and each subset's list, and opens {@code <image path without extension>.txt} for
 * every listed image with no check that it exists, so the writer writes a label file for every
 * image it lists, empty when the image has no boxes. A label line is 5 fields, the label id an
 * index into obj.names; an image with lines needs its size (image or images.meta).
 */
package org.labelbridge.format.yolo;
