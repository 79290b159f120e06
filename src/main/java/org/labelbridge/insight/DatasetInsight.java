package org.labelbridge.insight;

import java.io.IOException;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * The observer a conversion feeds: the categories once, then every item as it goes to the
 * writer, then the end. It keeps the {@link DatasetStatistics} and the {@link DatasetValidation}
 * of what went out, in the same pass (nothing is read twice, except the images of a folder or
 * tar that share a size with another, to tell duplicates; see {@link ImageFingerprints}).
 */
public final class DatasetInsight {

    private final DatasetValidation validation;
    private final TrackSpans tracks;
    private final DatasetStatistics statistics;
    private long ordinal;
    private boolean finished;

    /** @param media the input's files, where the items' images are (for duplicate images) */
    public DatasetInsight(CheckThresholds thresholds, DatasetSource media) {
        this.validation = new DatasetValidation(thresholds, media);
        this.tracks = new TrackSpans(validation::trackGap);
        this.statistics = new DatasetStatistics(tracks);
    }

    public void begin(Categories categories) {
        statistics.begin(categories);
        validation.begin(categories);
    }

    public void accept(Item item) {
        statistics.accept(item);
        validation.accept(item);
        Long frame = item.frame();
        long at = frame != null ? frame : ordinal;
        ordinal++;
        for (Annotation a : item.annotations()) {
            if (a.info().track() != null) {
                tracks.add(a, at, item.id(), item.subset());
            }
        }
    }

    /** Runs the checks that need every item; call once, after the last. */
    public void finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("insight finished twice");
        }
        finished = true;
        validation.finish(statistics.annotationsPerLabelSlot());
    }

    public DatasetStatistics statistics() {
        return statistics;
    }

    public DatasetValidation validation() {
        return validation;
    }
}
