/**
 * Label Studio's JSON export of image tasks, read and written (not a CVAT format; teams move
 * data between Label Studio and CVAT's formats with it).
 *
 * <pre>
 * export.json            [ {"id": 1, "data": {"image": "/data/upload/3/0a1b2c3d-cat.jpg", ...},
 *                           "annotations": [{"id": 10, "completed_by": 7, "was_cancelled": false,
 *                                            "result": [ result, ... ]}],
 *                           "predictions": [{"model_version": "v1", "score": 0.8, "result": [...]}],
 *                           "meta": {...}}, ... ]           (one task object alone is read too)
 * result                 {"id": "Dx_aB91ISN", "type": "rectanglelabels", "from_name": "label",
 *                         "to_name": "image", "original_width": 640, "original_height": 480,
 *                         "value": {"x": 10, "y": 20, "width": 30, "height": 40, "rotation": 0,
 *                                   "rectanglelabels": ["Car"]}}
 * label_config.xml       (optional, any .xml whose root is &lt;View&gt;) the project's labeling config
 * images                 anywhere in the archive, found by file name
 * </pre>
 *
 * <p>Reading. One item per task with an image ({@code data.image}, else the first data value that
 * names an image file); a task without one is no image task and is left out, reported. The image
 * reference is where Label Studio got the image, not a path in any archive: it is matched to the
 * archive's image of the same file name ({@link ImageReferences}; an upload's 8-hex-digit prefix
 * ignored when only the bare name is there), the match reported, and the item is named by that
 * entry's path without extension (by the reference's file name when there is none). Coordinates
 * are percent of {@code original_width}/{@code original_height} (of the task's first result that
 * gives them, else of the image's header; without either, the regions are dropped and reported).
 * Region results: {@code rectanglelabels}/{@code rectangle} a box turned clockwise by
 * {@code rotation} degrees around its top-left corner (Label Studio's converter: TR = TL + w(cos r,
 * sin r)), kept as the model's box turned around its centre; {@code polygonlabels} a polygon;
 * {@code keypointlabels} a one-point points (its display {@code width} is not kept);
 * {@code brushlabels} a mask from Label Studio's own RLE ({@link BrushRle}, the alpha channel of
 * the RGBA image). Results sharing a region's {@code id} ({@code choices}, {@code textarea},
 * {@code number}, {@code rating} with {@code perRegion}) are the region's attributes, named by their
 * {@code from_name}; other {@code choices} are tags of the whole image, other {@code textarea}
 * texts its captions. Regions linked by {@code parentID} (keypoints of a box) share a group.
 * A region drawn on a rotated view ({@code image_rotation} not 0) is read as stored, and that is
 * reported. Relations, other result types and cancelled annotations are left out, reported, as Label
 * Studio's converters leave cancelled annotations out. Labels are the config's, when the archive
 * holds it, then those the results name. Other data fields become item attributes; the task id
 * is the item's {@code id}.
 *
 * <p>Annotators and predictions. Several people's annotations of one task are kept as
 * attributes, not groups: each annotation's results carry {@code annotator} (the
 * {@code completed_by} user id, or the email of a user object). A group in the model is one
 * object's parts (a box and its keypoints), which is what {@code parentID} means here; the
 * annotator is a fact about each shape that COCO, Datumaro and CVAT keep as an attribute, and an
 * attribute lets a user filter one annotator's shapes back out. Predictions are kept apart the
 * same way: their results carry {@code model_version} and {@code score} (the result's, else the
 * prediction's); the writer puts every annotation with either attribute back into
 * {@code predictions}, one per model version.
 *
 * <p>Writing, for Label Studio's import ({@code BaseTaskSerializerBulk} and
 * {@code LabelInterface.validate_prediction} in HumanSignal/label-studio): {@code tasks.json} with
 * each image copied to {@code images/<id>.<ext>} and referred to as
 * {@code /data/local-files/?d=images/<id>.<ext>} (Label Studio's local storage, its document root
 * the unpacked output); {@code label_config.xml} declaring every tag the results name
 * ({@code bbox}, {@code polygon}, {@code keypoint}, {@code brush} labels tags with every label,
 * {@code choices}, {@code caption}, and a per-region tag per attribute), since Label Studio checks
 * each result's {@code from_name}, type and labels against its config. Annotations carry no
 * {@code completed_by}: Label Studio refuses an import whose id or email is no member of its
 * organisation; the annotator goes in the task's {@code meta.annotators} by annotation id, which
 * Label Studio keeps and our reader reads. {@code ground_truth} is written false (Label Studio takes
 * a missing one as true). A set of several points is written as one keypoint per point present;
 * yes/no attributes as text; tag and caption attributes are not kept (reported).
 * {@code LabelStudioConsumerContractTest} checks this on every corpus sample's output.
 *
 * <p>Where Label Studio's documentation and its samples disagree: the task-format example of the
 * docs (guide/task_format) gives {@code completed_by} as a user id, an annotation {@code id} as a
 * string, and region results without {@code original_width}/{@code original_height}; the
 * label-studio-sdk samples give numeric ids, {@code completed_by} as an id or a user object, and the
 * original size on every region but the doclang sample's. All of these are read: the size from
 * the results where they give it, else from the image in the archive, else the region is dropped
 * and reported. The OBB sample's results say {@code Butterfly} where its config declares only
 * {@code butterfly}: both are kept as labels (Label Studio's converter keeps the box). No sample
 * holds a brush result: the RLE follows label-studio-sdk's {@code brush.py} and its one test vector.
 */
package org.labelbridge.format.labelstudio;
