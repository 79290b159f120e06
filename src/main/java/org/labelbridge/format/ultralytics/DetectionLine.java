package org.labelbridge.format.ultralytics;

import org.labelbridge.format.FormatException;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;

/** Detection: {@code class cx cy w h [track_id]}, the box by its centre and size, fractions of the image. */
final class DetectionLine {

    private DetectionLine() {
    }

    static Bbox read(LabelLine line, ClassNames names, int width, int height) throws FormatException {
        if (line.size() != 5 && line.size() != 6) {
            throw line.error("expected 5 fields (class cx cy w h) and an optional track id, got " + line.size());
        }
        AnnotationInfo info = AnnotationInfo.of(names.labelOf(line));
        double cx = line.number(1, "the box centre x");
        double cy = line.number(2, "the box centre y");
        double w = line.number(3, "the box width");
        double h = line.number(4, "the box height");
        if (line.size() == 6) {
            info = info.withTrack(line.track(5));
        }
        return new Bbox(info, (cx - w / 2) * width, (cy - h / 2) * height, w * width, h * height);
    }

    /** The line of an axis-aligned box, or {@code null} when its numbers are not finite. */
    static String write(int classId, Bbox box, int width, int height) {
        return LineText.of(classId, (box.x() + box.w() / 2) / width, (box.y() + box.h() / 2) / height,
                box.w() / width, box.h() / height);
    }
}
