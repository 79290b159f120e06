/**
 * PASCAL VOC 1.1 ({@code voc}), as CVAT and Datumaro read and write it.
 *
 * <p>Read and written: {@code Annotations/<id>.xml} (filename, size, one {@code <object>} per
 * box with name, pose, truncated, difficult, occluded, bndbox, {@code <part>} boxes, {@code
 * <actions>} flags and CVAT's custom {@code <attributes>}); {@code ImageSets/Main/<subset>.txt}
 * (the items of a subset); {@code ImageSets/Main/<label>_<subset>.txt} (image-level labels, 1 =
 * present); {@code ImageSets/Layout}, {@code ImageSets/Action} and {@code ImageSets/Segmentation}
 * lists; {@code SegmentationClass/<id>.png} (label colours) and {@code SegmentationObject/<id>.png}
 * (instance i in VOC palette colour i); {@code labelmap.txt} ({@code label:color:parts:actions},
 * read and written by {@code format.common.pixels.VocLabelMap}; without it the 21 VOC classes,
 * {@code ignored} and the parts foot, hand, head with the VOC palette); {@code JPEGImages/}. The
 * reader also takes CVAT's flat layout (the XML files alone) into subset {@code default}.
 *
 * <p>Without {@code labelmap.txt}, the object and part names of the XML that are not VOC labels
 * are declared after them, by name, and the report says so once ({@code VocFoundLabels}): sets
 * built with VOC tools keep their own classes and no label map. Datumaro alone rejects such a
 * label (UndeclaredLabelError); CVAT's importer first writes a labelmap.txt from the task's labels,
 * so what it reads is declared by someone, and the labels found stand in for the task's. With a
 * labelmap.txt, a name it does not declare is an unknown label: option on_problem fails the
 * conversion (the default) or skips the object and reports it. The writer writes every label
 * into labelmap.txt, so the output declares them for CVAT and Datumaro.
 *
 * <p>{@code trainval} beside {@code train} and/or {@code val} is read as the VOC devkit means it,
 * their union: its items that they list are read there only (its per-label lists' labels joining
 * them), the items only it lists keep subset {@code trainval}, and the report says how many of
 * each. Datumaro makes it a subset of its own, which gives every such image twice (two items in
 * any target, two frames' worth of annotations in CVAT). Alone, {@code trainval} is the subset.
 *
 * <p>In the model an object is a {@code Bbox} with id and group = its index in the file; each
 * part is a {@code Bbox} of the part label in the same group; actions are Boolean attributes
 * (and the label's checkbox attributes). Each instance of the PNGs is a {@code Mask} labelled by
 * the class under its pixels, with group = instance id, so instance i joins object i. The writer
 * turns the other boxes of a group into parts of the group's first box with an id, and paints
 * masks and polygons by z-order into the two PNGs ({@code VocMaskWriter} says how ids are chosen),
 * reporting rasterised polygons, hidden pixels and lost mask attributes. The report counts a
 * painted item out as its reader (and Datumaro's, one mask per instance id) gives it back: its
 * boxes, its image labels (a label repeated on one image is dropped, a class list holds it once)
 * and one mask per instance that shows a pixel ({@code format.common.pixels.MasksReadBack}).
 * {@code ImageSets/Action/<action>_<subset>.txt} repeats the XML and is written, not read.
 *
 * <p>What the consumer requires (CVAT's importer, Datumaro's {@code VocImporter}): at least one
 * {@code ImageSets/<Main|Segmentation|Action|Layout>/*.txt} list, ids that are relative paths,
 * and file names under one flat folder per kind for all subsets. So the writer names files by
 * the id as a clean relative path ({@code format.common.FileNames}); an id that an item of
 * another subset already took (CVAT project exports hold {@code img0} in Train and in Test; Datumaro's
 * exporter writes the second over the first) is written as {@code <subset>_<id>}
 * ({@code FlatFolderIds}), reported. A label whose name is no file name (Open Images'
 * {@code /m/0}) gets its class lists under the name {@code LabelFileNames} gives it
 * ({@code _m_0_<subset>.txt}), reported; labelmap.txt and the XML keep the real name, and the
 * reader maps the list back to it by the same mapping. CVAT and Datumaro look for the list by
 * the real name and do not read those image-level labels.
 *
 * <p>Consumer: CVAT imports VOC through Datumaro's {@code voc_format} ({@code format.py}
 * {@code parse_label_map}, {@code make_voc_categories}; {@code extractor.py}). It requires:
 * {@code labelmap.txt} lines {@code name:r,g,b:parts:actions}, a name once ("Label ... is already
 * defined"), no part named like a label (make_voc_categories adds each part as a label); no colour
 * twice, since the inverse colour map keeps the last label of a colour (the background's black pixels
 * would read as a later black label): the writer gives a shared colour to the first label only and
 * writes the others without one, reported, where CVAT's exporter copies the task's colours as they
 * are; ImageSets lists of ids (Layout and Action lists {@code <id> <object index>}), every
 * {@code Annotations/<id>.xml} of a listed id (no other is read); each object's and part's name
 * declared (UndeclaredLabelError), its bndbox numbers with min <= max, flags 0 or 1, actions among
 * its label's; SegmentationClass pixels of labelmap colours (unpaint_mask fails on another),
 * SegmentationObject pixels of the VOC palette, with the class PNG beside each at one size, the image's.
 * {@code VocConsumerContractTest} ({@code VocLayoutContract}) checks this on every corpus sample's
 * output.
 */
package org.labelbridge.format.voc;
