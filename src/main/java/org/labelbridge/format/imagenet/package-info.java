/**
 * ImageNet 1.0 (CVAT), read and written in both of its layouts.
 *
 * <p>Consumer: CVAT imports the folder layout through Datumaro's {@code imagenet}
 * ({@code datumaro/plugins/imagenet_format.py}, {@code ImagenetExtractor}): it finds images
 * recursively and takes each one's parent folder name as its label, so every file is written as
 * {@code <label>/<image>} (an image in the root or deeper would take a wrong label); the text
 * layout through {@code imagenet_txt} ({@code imagenet_txt_format.py}): {@code <subset>.txt} lines
 * of an image name and {@code int()} label indices into {@code synsets.txt}, which must be in
 * range. {@code ImageNetConsumerContractTest} checks both on every corpus sample's output.
 *
 * <p><b>Folder layout</b> (what CVAT writes when images are kept): {@code <label>/<image>}, one
 * folder per label, each image an item tagged with its folder's label; item id
 * {@code <label>/<image name without extension>}. Images in {@code no_label/} (Datumaro's name)
 * or in the root are unlabelled items. No subsets, no annotation file. An image of several labels
 * is written into each label's folder, as CVAT's exporter writes it, and CVAT's importer (as ours)
 * reads each copy as an item of its own ({@code <label>/<name>}, that label): the report counts
 * them as written. Items of one id from several subsets get their subset's name after the file
 * name ({@code no_label/img0_Train.jpg}) rather than overwrite each other.
 *
 * <p><b>Text layout</b> (what CVAT writes when only annotations are kept; Datumaro's
 * {@code imagenet_txt}): {@code <subset>.txt} with one line per image,
 * {@code <image file> <label index>...} (names with spaces in double quotes:
 * {@code "my image".jpg 3}), and {@code synsets.txt} with one label name per line. A labels file
 * named {@code synsets*.txt} is accepted; without one, labels {@code class-0..class-N} are
 * generated. Images, when present, are looked for in {@code images/}.
 *
 * <p>The detector picks the layout: a root {@code .txt} file of {@code name index...} lines
 * means the text layout, a tree of only images one or two levels deep the folder layout.
 *
 * <p>Which layout is written: as CVAT, the folder layout when there are images, the text layout
 * when there are none: with {@code keep_images=false}, and also when no image of the dataset is
 * in the source (the folder layout stores an item only as its image, and would be an empty
 * archive; reported). What the consumer requires: Datumaro's {@code imagenet} importer an image
 * in a label folder, its {@code imagenet_txt} importer a {@code <subset>.txt} beside the labels
 * file (an empty dataset writes an empty {@code default.txt}). Label folders are the labels'
 * file names ({@code format.common.LabelFileNames}: {@code /m/0} is {@code _m_0/}, reported; the
 * folder layout has no other place for the name, so it reads back so). Items of several subsets
 * share the label folders: a file name an item of another subset took is written as
 * {@code <subset>_<name>} ({@code FlatFolderIds}), reported.
 */
package org.labelbridge.format.imagenet;
