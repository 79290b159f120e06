package org.labelbridge.function;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.labelbridge.convert.ConversionReport;
import org.labelbridge.convert.ConversionResult;

/**
 * What the function returns per conversion: where the results are, how the source format was
 * found, and the report's headline numbers. The full report is the JSON object at
 * {@code report}. Only URIs and numbers: a Step Functions state stays far below its 256 KiB.
 *
 * @param from      the source format, as detected when {@code auto} was asked
 * @param detection the format the detector chose and its confidence (0..100; 0 when the
 *                  format was named and its detector did not recognise the layout)
 * @param changes   how many distinct drops and changes the report lists
 * @param droppedAnnotations annotations not written, for any reason (the report says why)
 * @param droppedItems       items not written, for any reason (the report says why)
 * @param bytesIn   the size of the input object
 * @param bytesOut  the size of the output zip
 */
public record ConversionSummary(String input, String from, String to, String output, String report,
                                Detection detection,
                                @JsonProperty("items_in") long itemsIn,
                                @JsonProperty("items_out") long itemsOut,
                                @JsonProperty("annotations_in") long annotationsIn,
                                @JsonProperty("annotations_out") long annotationsOut,
                                int changes, boolean lossy,
                                @JsonProperty("dropped_annotations") long droppedAnnotations,
                                @JsonProperty("dropped_items") long droppedItems,
                                @JsonProperty("bytes_in") long bytesIn,
                                @JsonProperty("bytes_out") long bytesOut,
                                @JsonProperty("duration_ms") long durationMs) {

    /** The detector's answer for the source. */
    public record Detection(String format, int confidence) {
    }

    static ConversionSummary of(ConversionJob job, ConversionResult result, long bytesIn, long bytesOut, long millis) {
        ConversionReport r = result.report();
        return new ConversionSummary(job.input().toString(), result.source().format().id(), result.to(),
                job.output().toString(), job.report().toString(),
                new Detection(result.source().format().id(), result.source().detection().confidence()),
                r.itemsIn(), r.itemsOut(), r.totalIn(), r.totalOut(), r.entries().size(), r.lossy(), r.droppedAnnotations(), r.droppedItems(), bytesIn, bytesOut,
                millis);
    }
}
