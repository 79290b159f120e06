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
 * <p>Datumaro 3D 1.0 ({@code Datumaro3dFormat}) is the same JSON whose items are point clouds:
 * {@code "point_cloud": {"path"}} relative to {@code point_clouds/<subset>/} and
 * {@code "related_images": [{"path", "size"}]} relative to {@code related_images/<subset>/<id>/},
 * annotated with {@code cuboid_3d} (position, rotation, scale). It is detected where Datumaro is
 * and point clouds are there; its writer copies the point cloud to
 * {@code point_clouds/<subset>/<id><ext>} and the related images, renamed {@code image_<i><ext>}
 * in the order of their paths, as CVAT's exporter does. Datumaro 1.0 read from such a file keeps
 * the annotations and reports the point clouds as not kept.
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
 *
 * <p>Consumer: CVAT imports Datumaro 1.0 through its fork's {@code datumaro_format} extractor
 * ({@code _load_categories}, {@code _load_items}, {@code _load_annotations}) and the annotation
 * classes' own checks ({@code components/annotation.py}). It requires: a label name once per parent,
 * parents declared; {@code points} and {@code mask} categories of existing label ids, joints 1-based
 * node numbers; item ids unique in a subset (a later one replaces the earlier); an image's
 * {@code size} as {@code [h, w]} integers (its {@code path} optional: {@code <id>.jpg} otherwise); each
 * annotation of a known {@code type} with integer id and group, an attributes object and a
 * {@code label_id} below the number of labels (CVAT indexes the categories by it); a polygon of 3
 * points or more (Polygon asserts it), a polyline of 2, a box of non-negative size, RLE counts as
 * COCO's compressed string, a compact skeleton with x, y, v for each node of its points category.
 * {@code DatumaroConsumerContractTest} checks this on every corpus sample's output.
 */
package org.labelbridge.format.datumaro;
