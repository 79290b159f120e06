/**
 * MOTS PNG 1.0 ({@code mots}): instance masks of tracked objects, one 16-bit PNG per frame, as
 * CVAT exports them through Datumaro's {@code mots_png}.
 *
 * <p>Consumer: CVAT imports MOTS through Datumaro's {@code mots_png}
 * ({@code datumaro/plugins/mots_format.py}, {@code MotsImporter}, {@code MotsPngExtractor}): a
 * {@code <subset>/instances/*.png} with {@code labels.txt} beside it; a pixel value v is class
 * {@code v // 1000} (0 the background) and instance {@code v % 1000}, and class n is line n of
 * labels.txt. {@code MotsConsumerContractTest} checks on every corpus sample's output: one channel,
 * every class a line of labels.txt, label names unique, each PNG its image's size.
 *
 * <pre>
 * &lt;subset&gt;/instances/labels.txt   label names, one a line: class id n is line n (1-based)
 * &lt;subset&gt;/instances/&lt;id&gt;.png     pixel = class_id * 1000 + instance id (0 = background)
 * &lt;subset&gt;/images/&lt;id&gt;.jpg        the frame's image (any extension)
 * </pre>
 *
 * <p>Read: one item per instance PNG (8- or 16-bit grey), in subset {@code <subset>}, or
 * {@code default} when {@code instances/} is at the root; sized by its PNG. A subset whose
 * {@code instances/} holds labels.txt and no PNG (CVAT's export of frames without masks) has no
 * items, as Datumaro reads it; such an output is detected weakly. Each pixel value
 * other than 0 is one mask of label {@code class_id - 1}, whose
 * {@link org.labelbridge.model.Track} is the instance id (keyframe, not outside), as Datumaro's
 * {@code track_id} attribute has it. Class 10 with fewer than 10 labels is MOTS's "ignored"
 * (the label {@code ignored}, z-order 1), as Datumaro reads it. Every subset's labels.txt must
 * list the same labels; without any, the labels are MOTS's classes car, pedestrian, ignored.
 *
 * <p>Written: per subset labels.txt, then per item its instance PNG (16-bit grey) and its image;
 * an item on an image of unknown size gets no PNG and is reported as not written, since it would
 * not read back. The report counts an item's masks as the PNG reads back: one per track and
 * label that keeps a visible pixel.
 * Only tracked objects, as CVAT exports only tracks: masks as they are; polygons, boxes and
 * ellipses rasterised (reported), all merged by z-order (pixel rule in
 * {@code format.common.pixels}), hidden pixels reported. A track id must be an instance id,
 * 0 to 999, and {@code 1000 * (label + 1) + id} must fit 16 bits; shapes without a track, outside
 * their track, unlabelled or out of range are dropped and reported. Shapes of one track and
 * label on one frame merge into one instance.
 *
 * <p>What the consumer requires (Datumaro's {@code MotsImporter}): a
 * {@code <subset>/instances/} folder (labels.txt alone gives an empty dataset). Item ids that name
 * files are written as clean relative paths ({@code format.common.FileNames}), reported.
 */
package org.labelbridge.format.mots;
