/**
 * Datumaro 1.0: the JSON format of the Datumaro framework, which CVAT uses as its dataset
 * layer. It can hold every annotation kind and feature of the model, so it is the lossless
 * pivot between formats.
 *
 * <pre>
 * annotations/&lt;subset&gt;.json      one file per subset: {"info", "categories", "items"}
 * images/&lt;subset&gt;/&lt;id&gt;&lt;ext&gt;     the images, when kept
 * </pre>
 *
 * <p>A bare {@code <subset>.json} may also be given alone. {@code categories} holds
 * {@code label} (labels with parent and attribute names, plus names any label may carry),
 * {@code points} (skeleton node names and 1-based joints per label) and {@code mask}
 * (colour map). Each item has an id, its annotations, {@code attr} and an {@code image}
 * (path relative to {@code images/<subset>/}, size {@code [h, w]}). Track data lives in the
 * {@code track_id}, {@code keyframe} and {@code outside} attributes, box and ellipse rotation in
 * {@code rotation}; masks are COCO compressed RLE; ellipses are their bounding corners; a
 * skeleton is CVAT's compact {@code points} (x, y, visibility per node) with
 * {@code points_attributes} when that holds it exactly, else Datumaro's {@code elements}.
 * Files are read and written as streams: categories first, then one item at a time.
 */
package org.labelbridge.format.datumaro;
