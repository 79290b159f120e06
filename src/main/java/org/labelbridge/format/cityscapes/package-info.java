/**
 * Cityscapes 1.0: semantic and instance segmentation as id masks, as CVAT and Datumaro write it.
 *
 * <p>Consumer: CVAT imports Cityscapes through Datumaro's
 * ({@code datumaro/plugins/cityscapes_format.py}, {@code parse_label_map},
 * {@code CityscapesExtractor._load_items}): label_colors.txt lines {@code r g b name}, everything
 * before the last word through {@code int()}, the name the fourth word, names unique ("Label ...
 * is already defined"): so each whitespace run of a name is written as {@code _}, reported
 * ({@code BackgroundFirstLabels}; CVAT's exporter writes the name as it is, and its importer then
 * fails on it); an instanceIds value v below 1000 is label v (a crowd), otherwise label
 * {@code v // 1000}, a line of label_colors.txt. {@code CityscapesConsumerContractTest} checks
 * these on every corpus sample's output, and that each mask is its image's size.
 *
 * <pre>
 * label_colors.txt        "r g b name" a line: line index = label id (CVAT's docs call it label_color.txt; both are read)
 * gtFine/&lt;subset&gt;/&lt;city&gt;/&lt;name&gt;_gtFine_instanceIds.png  16-bit ids: label*1000+instance, or label alone for a crowd
 * gtFine/&lt;subset&gt;/&lt;city&gt;/&lt;name&gt;_gtFine_labelIds.png     label id per pixel
 * gtFine/&lt;subset&gt;/&lt;city&gt;/&lt;name&gt;_gtFine_color.png        label colour per pixel (a picture of labelIds)
 * imgsFine/leftImg8bit/&lt;subset&gt;/&lt;city&gt;/&lt;name&gt;_leftImg8bit.png  the image (leftImg8bit/... at the root is read too)
 * </pre>
 *
 * <p>Reading: the item id is {@code <city>/<name>}. Each value of the instanceIds mask becomes
 * a {@code Mask}: {@code v >= 1000} is label {@code v / 1000} with id {@code v % 1000} and
 * {@code is_crowd: false}; a smaller value is label {@code v} with {@code is_crowd: true} and
 * no id (values of 0 included). Without instanceIds, labelIds are read the same way. When the
 * dataset has {@code *_gtFine_labelTrainIds.png} masks, those are read instead, as CVAT does,
 * and the instanceIds are reported as not read; without a label table their labels are the
 * 19 training classes with background as 19 (Cityscapes' ignore value 255 read as background,
 * reported). Without a label table the labels are Cityscapes' 35 by id. A value naming no
 * label is an error naming the file and pixel.
 *
 * <p>Writing: masks, polygons, boxes (rotated too) and ellipses are rasterised (pixel rule in
 * {@code format.common.pixels}) and merged by z-order; rasterising and hidden pixels are
 * reported. Class 0 is the background (the first black label, else {@code background}, else
 * added), the other labels follow in order; label_colors.txt lists them all. A crowd
 * ({@code is_crowd} true) is written by its label alone, so crowds of one label merge
 * (reported); an instance keeps its id where it is 1..999 and free in its label, otherwise
 * takes the smallest free one. A shape of the background label (class 0) is written as a crowd
 * (reported): its instance {@code n} would be the value {@code n}, which reads as a crowd of
 * label {@code n} (Datumaro's exporter writes it so). The report counts an item's masks as the
 * instanceIds mask reads back: one per value, the unpainted background (value 0) included.
 * Only is_crowd is kept of the attributes (the rest reported). An item with neither masks nor a
 * copied image is dropped (reported); when no item is left the conversion fails, since an output
 * of label_colors.txt alone is no Cityscapes dataset to CVAT's importer or this reader.
 *
 * <p>What the consumer requires (Datumaro's {@code CityscapesImporter}): a
 * {@code gtFine/**}{@code /*_gtFine_instanceIds.png} (or {@code _labelTrainIds.png}) mask or an
 * {@code imgsFine/leftImg8bit/**}{@code /*_leftImg8bit.*} image; label_colors.txt alone is not
 * found. Ids are written as clean relative paths ({@code format.common.FileNames}).
 */
package org.labelbridge.format.cityscapes;
