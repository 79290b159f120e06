package org.labelbridge.insight;

import java.util.HashMap;
import java.util.Map;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Track;

/**
 * Each track's first and last frame, its visible frames, and the gaps in it: a frame between
 * two of its shapes where the track has no shape and was not marked outside before. One small
 * record per track, so memory follows the tracks, never the frames.
 */
final class TrackSpans {

    /** One track so far. */
    static final class Span {
        long first;
        long last;
        long visible;
        boolean outsideAtLast;
    }

    /** A gap found, as it is found. */
    interface GapListener {
        void gap(long track, long fromFrame, long toFrame, String itemId, String subset);
    }

    private final Map<Long, Span> spans = new HashMap<>();
    private final GapListener gaps;

    TrackSpans(GapListener gaps) {
        this.gaps = gaps;
    }

    void add(Annotation annotation, long frame, String itemId, String subset) {
        Track track = annotation.info().track();
        if (track == null) {
            return;
        }
        Span span = spans.get(track.id());
        if (span == null) {
            span = new Span();
            span.first = frame;
            span.last = frame;
            span.visible = track.outside() ? 0 : 1;
            span.outsideAtLast = track.outside();
            spans.put(track.id(), span);
            return;
        }
        if (frame <= span.last) {
            return; // a second shape of the track in one frame, or frames out of order: no gap to tell
        }
        if (frame > span.last + 1 && !span.outsideAtLast) {
            gaps.gap(track.id(), span.last + 1, frame - 1, itemId, subset);
        }
        span.last = frame;
        span.outsideAtLast = track.outside();
        if (!track.outside()) {
            span.visible++;
        }
    }

    Map<Long, Span> spans() {
        return spans;
    }
}
