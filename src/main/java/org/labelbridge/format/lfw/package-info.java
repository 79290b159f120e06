/**
 * LFW 1.0 (Labeled Faces in the Wild): people, matched and mismatched pairs of their images,
 * and 5-point landmarks.
 *
 * <p>Consumer: CVAT imports LFW through Datumaro's
 * ({@code datumaro/plugins/lfw_format.py}, {@code LfwImporter}, {@code LfwExtractor}):
 * {@code <subset>/annotations/pairs.txt} lines of 1, 3 or 4 tab-separated fields (others are
 * skipped), people.txt lines of exactly 2, landmarks through {@code float()}; a number n names the
 * image {@code images/<person>/<person>_<n as 4 digits>} ({@code get_image_name}).
 * {@code LfwConsumerContractTest} checks these on every corpus sample's output, and that every
 * image a pair names is there when the person's folder is.
 *
 * <pre>
 * &lt;subset&gt;/annotations/pairs.txt       person  n1  n2            a matched pair (same person)
 *                                    person1 n1 person2 n2  a mismatched pair ("-" for an image without person)
 *                                    person/image           an image without pairs
 * &lt;subset&gt;/annotations/people.txt      person  image count  (optional; the label list)
 * &lt;subset&gt;/annotations/landmarks.txt   person/image.jpg  x1 y1 ... x5 y5
 * &lt;subset&gt;/images/&lt;person&gt;/&lt;person&gt;_0001.jpg
 * </pre>
 *
 * Fields are tab-separated; a number {@code n} names the image {@code <person>_<n as 4 digits>}.
 * An image is an item (id without the person folder) tagged with its person; its tag carries
 * {@code positive_pairs} / {@code negative_pairs}: lists of {@code person/image} strings, the
 * pairs the file lists from it. Landmarks are {@link org.labelbridge.model.Points} labelled with
 * the person their path names. People named only in pairs or landmarks become labels too,
 * after those of {@code people.txt}; images no line names are unlabelled items. A root
 * {@code annotations/} folder (CVAT's import layout) is subset {@code default}.
 *
 * <p>The writer writes an image tagged with a person as {@code images/<person>/<id>}, named in
 * pairs.txt. An image without a person whose id holds {@code /} (VGGFace2's
 * {@code n000001/0001_01}) cannot be a pairs line; it is found by its landmarks line
 * {@code <landmarks' person>/<id>.jpg}, as CVAT's importer finds it (the line's path below
 * {@code images/}, the item id after its first folder), so its image is written there.
 *
 * <p>What the consumer requires (Datumaro's {@code LfwImporter}): an
 * {@code annotations/pairs.txt}. A person's name is its folder and its key in every list, so a
 * name that is no folder name (with {@code /}) cannot be written and its tag is dropped,
 * reported. Item ids that name files are written as clean relative paths ({@code
 * format.common.FileNames}), reported.
 */
package org.labelbridge.format.lfw;
