/**
 * CVAT for images 1.1 ({@code cvat_images}) and CVAT for video 1.1 ({@code cvat_video}): CVAT's
 * own XML, read by one reader as CVAT's one importer reads both.
 *
 * <p>Read: every {@code .xml} at the root with the root element {@code <annotations>}
 * (CVAT's {@code annotations.xml}; Datumaro's {@code <subset>.xml}). {@code <meta>} (a task, a
 * project, or a job as app.cvat.ai exports one: {@code <job>} with labels, mode and subset, a
 * video's {@code <original_size>} beside it) gives the labels with colours, attributes and
 * skeletons ({@code <svg>} edges, points labels with {@code <parent>}). An images dump has one
 * {@code <image id name width height subset>} per item, streamed one at a time; its picture is
 * {@code images/<subset>/<name>} or {@code images/<name>}. A video dump has {@code <track>}s of
 * per-frame shapes, indexed by frame and given out as items {@code frame_000010} (pictured by
 * {@code images/frame_000010.*}). Sizes: an {@code <image>}'s own width and height, else the
 * video's {@code <original_size>}, else its picture's header; a frame's {@code <original_size>},
 * else its picture's header. A video dump without any {@code <track>} (mode {@code interpolation})
 * gives its frame images as frames, as CVAT's importer makes an item of every image under
 * {@code images/}. Items without a {@code subset} take the task's or job's, else the
 * file's name ({@code annotations}, {@code train}). Masks are run lengths over their box, row
 * by row, turned into the model's whole-image RLE. Labels not declared in the meta are dropped
 * and reported.
 *
 * <p>Written, CVAT for images: {@code annotations.xml} laid out as CVAT exports a project (one
 * task per subset, {@code <subsets>}, labels), one {@code <image>} per item with every shape kind
 * and tags, and the pictures copied to {@code images/<subset>/<id><ext>}. Track shapes are
 * written per frame, without their track data; outside ones are dropped.
 *
 * <p>Written, CVAT for video: the same project meta in interpolation mode (each task with its
 * {@code <original_size>}), then one {@code <track id label source task_id subset>} per track
 * with its shapes frame by frame ({@code frame keyframe outside occluded}, geometry,
 * {@code z_order}, every attribute), pictures as {@code images/<subset>/frame_000010<ext>}.
 * Shapes are spooled to a temporary file while items stream and read back track by track
 * ({@link org.labelbridge.format.cvat.CvatVideoWriter} says how tracks are rebuilt). Shapes
 * without a track become single-frame tracks; tags never reach the writer (the descriptor holds
 * none, as CVAT's video dump has none). A track's visible stretch ends with an outside copy of its
 * last shape on the task's next frame, as CVAT ends one: the reader gives it back as a shape
 * hidden at that frame, so the report counts it as written. A frame comes back only by a shape
 * (an ending copy included) or its image ({@code <meta>}'s {@code <size>} brings none back, in
 * CVAT's importer or ours): an item with neither is reported as a dropped item.
 *
 * <p>Both writers turn annotations into {@link org.labelbridge.format.cvat.CvatShape}s the same
 * way ({@link org.labelbridge.format.cvat.CvatShapes}) and declare undeclared attributes by the
 * values they took ({@link org.labelbridge.format.cvat.AttributeDeclarations}).
 *
 * <p>Consumer: CVAT's XML importer ({@code cvat/apps/dataset_manager/formats/cvat.py}, {@code load_anno};
 * a project dump through Datumaro's {@code cvat_format} extractor) and the bindings'
 * {@code import_dm_annotations}. It requires: labels declared in {@code <meta>} (a name once; a
 * skeleton's nodes as labels with {@code <parent>}), every shape's and tag's label among them, every
 * {@code <attribute>} declared under its label (an undeclared one is not kept) with a value its spec
 * takes (a select or radio value among the declared values, a checkbox true or false, a number
 * declaration of min, max, step); {@code <image>} ids unique in a task (a project dump numbers
 * frames per task, as CVAT's own does); every frame below its task's {@code <size>} (its
 * {@code rel_frame_id}), so the size written reaches the highest frame, where CVAT's exporter writes the
 * task's own; {@code <track>} ids unique in a task, since the shapes of one id are joined into one track
 * (a track split by label or kind keeps its id on the first {@code <track>} only, where CVAT would
 * never split one); each track's shapes in increasing frame order, starting at a keyframe, outside ones
 * keyframes, ending with an outside keyframe unless on the task's last frame; a {@code <mask>}'s runs
 * cover its width x height; boxes with {@code xtl <= xbr}, polygons of 3 points or more.
 * {@code CvatImagesConsumerContractTest} and {@code CvatVideoConsumerContractTest}
 * ({@code CvatXmlContract}) check this on every corpus sample's output.
 */
package org.labelbridge.format.cvat;
