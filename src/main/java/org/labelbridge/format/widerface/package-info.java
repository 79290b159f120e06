/**
 * WIDER Face 1.0 (CVAT's "WiderFace 1.0"): face boxes with WIDER's flags, images grouped in
 * event folders.
 *
 * <p>Consumer: CVAT imports WIDER Face through Datumaro's
 * ({@code datumaro/plugins/widerface_format.py}, {@code WiderFaceExtractor._load_items}). It finds
 * the image lines by a heuristic, a line holding {@code /} (or {@code \}) and {@code .}; reads the
 * next line as the box count ({@code int()}) and that many lines after it as boxes of at least
 * {@code x y w h}, whose 5th or 11th word is a label name of labels.txt. So a box line that the
 * heuristic takes for an image path (a label with {@code /}, Open Images' {@code /m/0}, beside a
 * fractional coordinate) is not written and is reported: CVAT's own exporter writes it, and its
 * importer then reads a wrong item. {@code WiderFaceConsumerContractTest} checks every corpus
 * sample's output line by line as that reader walks it.
 *
 * <pre>
 * labels.txt                                  optional, one label per line (or Datumaro's dataset_meta.json)
 * wider_face_split/wider_face_&lt;subset&gt;_bbx_gt.txt
 * WIDER_&lt;subset&gt;/images/&lt;n&gt;--&lt;label&gt;/&lt;image&gt;.jpg
 * </pre>
 *
 * The annotation file repeats a block per image: the image path below {@code images/}, the
 * number of boxes, then one line per box {@code x y w h [blur expression illumination occluded
 * pose invalid] [label]} (a flag may be {@code -} for absent; no label means {@code face}).
 * Flags are read as strings ({@code True}/{@code False} as booleans), in Datumaro's column
 * order, which differs from the official readme's (blur expression illumination invalid
 * occlusion pose). The event folder's label ({@code Parade} of {@code 0--Parade}) becomes a
 * tag when it is a declared label; {@code no_label/} holds untagged images. The item id is the
 * path without the event folder and extension. The writer always writes the box count, and
 * for an image without boxes the official all-zero placeholder row after it.
 *
 * <p>What the consumer requires (Datumaro's {@code WiderFaceImporter}): a
 * {@code wider_face_split/wider_face_<subset>_bbx_gt.txt}; it takes the event folder's name
 * after {@code --} for the tag's label. A label whose name is no folder name ({@code /m/0}) is
 * written as the folder {@code <n>--_m_0} ({@code format.common.LabelFileNames}), reported;
 * labels.txt and the box lines keep the real name, and our reader maps the folder back to it
 * (Datumaro reads it under the folder's name). Item ids that name files are written as clean
 * relative paths ({@code format.common.FileNames}), reported.
 */
package org.labelbridge.format.widerface;
