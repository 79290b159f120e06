/**
 * WIDER Face 1.0 (CVAT's "WiderFace 1.0"): face boxes with WIDER's flags, images grouped in
 * event folders.
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
