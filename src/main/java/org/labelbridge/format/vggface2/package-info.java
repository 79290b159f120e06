/**
 * VGGFace2 1.0: one face box and one set of 5 landmarks per image, images in one folder per
 * identity.
 *
 * <p>Consumer: CVAT imports VGGFace2 through Datumaro's
 * ({@code datumaro/plugins/vgg_face2_format.py}, {@code VggFace2Extractor}): the
 * {@code bb_landmark/loose_bb_<subset>.csv} and {@code loose_landmark_<subset>.csv} read with
 * their {@code NAME_ID,...} header, {@code NAME_ID} a {@code <label folder>/<image>} whose folder
 * is the label ({@code no_label} for none), the values through {@code float()} (a landmarks row
 * of empty values is a tag). {@code VggFace2ConsumerContractTest} checks these on every corpus
 * sample's output, and that every folder is a label of labels.txt.
 *
 * <pre>
 * labels.txt                          optional: "&lt;label&gt; [class name]" per line
 * bb_landmark/loose_bb_&lt;subset&gt;.csv        NAME_ID,X,Y,W,H
 * bb_landmark/loose_landmark_&lt;subset&gt;.csv  NAME_ID,P1X,P1Y,...,P5X,P5Y
 * &lt;subset&gt;/&lt;label&gt;/&lt;image&gt;.jpg
 * </pre>
 *
 * {@code NAME_ID} is {@code <label>/<image name>}: it is the item id, and its folder is the
 * label of the box and landmarks ({@code no_label/} for none). A landmarks row with empty
 * coordinates is a tag with that label. The class names after the labels in {@code labels.txt}
 * are not kept (reported). Without {@code labels.txt} the labels are the image folders.
 *
 * <p>What the consumer requires (Datumaro's {@code VggFace2Importer}): a
 * {@code bb_landmark/loose_bb_<subset>.csv} or {@code loose_landmark_<subset>.csv}; it takes a
 * NAME_ID's folder for the label. A label whose name is no folder name (Open Images'
 * {@code /m/0}) is written under the folder {@code format.common.LabelFileNames} gives it
 * ({@code _m_0}), reported, and {@code labels.txt} lists it under that name: Datumaro finds an
 * image's label by its folder's name among labels.txt's first words (a second word is a parent
 * label, not a description), so the real name has no place CVAT would read. Ids are written as
 * clean relative paths ({@code FileNames}).
 */
package org.labelbridge.format.vggface2;
