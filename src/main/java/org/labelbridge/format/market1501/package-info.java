/**
 * Market-1501 1.0: person re-identification images, everything in their file names.
 *
 * <p>Consumer: CVAT imports Market-1501 through Datumaro's
 * ({@code datumaro/plugins/market1501_format.py}, {@code Market1501Extractor._load_items}): each
 * line of {@code images_<subset>.txt} is a path from the root whose first folder it splits off
 * ({@code split(os.sep, 1)}: a line without a folder fails), {@code query} or
 * {@code bounding_box_<subset>}; the name gives person and camera only when it matches
 * {@code ^(-?\d+)_c(\d+)}. {@code Market1501ConsumerContractTest} checks on every corpus sample's
 * output that every line is such a path and, with images kept, names an image.
 *
 * <pre>
 * bounding_box_&lt;subset&gt;/&lt;name&gt;.jpg     gallery images of a subset
 * query/&lt;name&gt;.jpg                      query images
 * images_&lt;subset&gt;.txt                   optional: the image paths of a subset, one per line
 * </pre>
 *
 * A name {@code 0001_c2s3_000111_00} gives the item attributes {@code person_id} (String
 * {@code "0001"}), {@code camera_id} (0-based: {@code c2} is 1), {@code track_id} (3),
 * {@code frame_id} (111) and {@code bbox_id} (0); {@code query} (Boolean) says whether the
 * image is in {@code query/}. Text after the pattern is a custom item id (Datumaro's rule),
 * which is how the writer keeps an id that is not a Market-1501 name. When list files exist
 * they say which images belong to which subset; otherwise the folders do ({@code query/} is
 * subset {@code query}). The writer always writes the lists, and the images when kept.
 *
 * <p>What the consumer requires (Datumaro's {@code Market1501Importer}): a root folder named
 * {@code bounding_box_*} or {@code query}, or an {@code images_<subset>.txt} list. Item ids that
 * name files are written as clean relative paths ({@code format.common.FileNames}), reported.
 */
package org.labelbridge.format.market1501;
