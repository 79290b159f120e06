/**
 * ICDAR 13/15 text datasets, three formats sharing one layout: the subsets are folders in the
 * task folder ({@code word_recognition/}, {@code text_localization/}, {@code text_segmentation/}),
 * or at the root when the archive is the task folder; images are in {@code <subset>/images/}.
 *
 * <p>Consumer: CVAT imports the three tasks through Datumaro's
 * ({@code datumaro/plugins/icdar_format}, {@code _IcdarBase}): recognition lines are split at
 * {@code ", "} into an image and a caption in quotes (else dropped with a warning); a
 * localization line has one pair of quotes, and 8 or more values are a polygon of its first four
 * points, 4 to 7 values a box of the first four; so a triangle is written as four points, its last
 * repeated (reported), and a polygon of more than four points is written whole as CVAT's exporter
 * writes it (reported: CVAT keeps its first four). Segmentation: the importer's detect needs a
 * {@code _GT.bmp} beside the {@code _GT.txt} it meets first, lines are 10 words and the bitmap's
 * colours are the lines' or white; so an item without characters gets an all-white bitmap of
 * its size; one whose size is unknown gets none (not fixed: no size to give it).
 * {@code IcdarConsumerContractTest} checks the three on every corpus sample's output.
 *
 * <pre>
 * word_recognition/&lt;subset&gt;/gt.txt            word_1.png, "PROPER"          a Caption per line
 * text_localization/&lt;subset&gt;/gt_&lt;image&gt;.txt  x1,y1,...,x4,y4,"text"        a Polygon {text}
 *                                              xmin ymin xmax ymax "text"    a Bbox {text}
 * text_segmentation/&lt;subset&gt;/&lt;image&gt;_GT.txt  R G B cx cy x1 y1 x2 y2 "c"   a Mask per character
 * text_segmentation/&lt;subset&gt;/&lt;image&gt;_GT.bmp  each character in its colour on white
 * </pre>
 *
 * A segmented character carries {@code index} (Long, its position in the file), {@code color}
 * ("R G B"), {@code text} and {@code center} ("cx cy", absent when written {@code - -});
 * the characters of a word (between blank lines) share a group, a one-character word has
 * none. ICDAR has no labels: annotations are unlabelled. A rotated box is written to
 * localization as its four corners, and so reads back (and is counted) as a polygon. Datumaro's reading is followed; where
 * it would fail or mis-read, this reads more (ICDAR 2013's {@code x, y, x, y, "text"} and
 * 2015's unquoted text, polygons of more than four points, text with spaces or commas).
 *
 * <p>What the consumer requires (Datumaro's ICDAR importers): the task's {@code .txt} files
 * under the task folder. Item ids that name files are written as clean relative paths ({@code
 * format.common.FileNames}), reported.
 */
package org.labelbridge.format.icdar;
