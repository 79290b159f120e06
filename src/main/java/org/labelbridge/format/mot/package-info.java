/**
 * MOT 1.1 ({@code mot}): the MOT Challenge sequence layout, as CVAT exports it through
 * Datumaro's {@code mot_seq_gt}.
 *
 * <p>Consumer: CVAT imports MOT through Datumaro's {@code mot_seq_gt}
 * ({@code datumaro/plugins/mot_format.py}, {@code MotSeqImporter}, {@code MotSeqExtractor}). It
 * requires {@code gt/gt.txt}; reads each row as frame_id and track_id through {@code int()}, x, y,
 * w, h, confidence and visibility through {@code float()}; class_id n is line n of
 * {@code gt/labels.txt} (asserted below the label count), -1 or empty leaves the box unlabelled;
 * labels.txt's lines are stripped label names, unique. Rows attach to the frame images
 * {@code img1/<6-digit frame>.<ext>}. A seqinfo.ini must hold exactly its seven keys, so none is
 * written. {@code MotConsumerContractTest} checks these on every corpus sample's output.
 *
 * <pre>
 * gt/gt.txt       frame_id,track_id,x,y,w,h,"not ignored",class_id,visibility  (one box a line)
 * gt/labels.txt   label names, one a line: class_id n is line n (1-based)
 * img1/000001.jpg the frames, named by their 1-based number
 * seqinfo.ini     optional [Sequence] imDir, frameRate, seqLength, imWidth, imHeight, imExt
 * </pre>
 *
 * <p>Read: every row is a box; rows may come in any order (MOT files are often sorted by
 * track), so the boxes are indexed by frame first. Frames are the images in {@code img1/} (or
 * seqinfo.ini's {@code 1..seqLength}) and the frames of the rows; each is an item {@code 000001}
 * in subset {@code default}, sized by seqinfo.ini or the image's header. Without labels.txt
 * the labels are MOT's twelve classes. A box has {@code occluded} ({@code visibility <= 0}),
 * {@code visibility} (Double) and {@code ignored} ({@code "not ignored"} is 0), as Datumaro
 * reads them; a class of -1 (or none) leaves it unlabelled. Rows of 7 to 9 values read as
 * Datumaro reads them (missing values: visible, not ignored, unlabelled); a 10th and later are
 * ignored.
 *
 * <p>Numbering: MOT counts frames and tracks from 1; the model counts as CVAT does, from 0.
 * A row's frame {@code n} is the item's {@code frame} attribute {@code n - 1}; its track id
 * {@code t > 0} is the box's {@link org.labelbridge.model.Track} {@code t - 1} (keyframe,
 * not outside); a track id of 0 or less is a box without a track. CVAT's own MOT import and
 * export number the same way, so a CVAT track 0 on frame 0 is MOT track 1 on frame 1 and back.
 *
 * <p>Written: labels.txt, gt.txt (spooled while items stream) and the images as
 * {@code img1/<frame>.<ext>}. Only visible boxes: outside frames of tracks, keyframe flags,
 * attributes other than those three, and item ids (MOT names frames by number) are not kept,
 * and reported. seqinfo.ini is not written: Datumaro's reader, and so CVAT's import, break on it.
 */
package org.labelbridge.format.mot;
