package org.labelbridge.function;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.labelbridge.convert.ConversionReport;
import org.labelbridge.convert.ConversionResult;

/**
 * What the function returns per conversion: where the results are and the report's headline
 * numbers. The full report is the JSON object at {@code report}.
 *
 * @param from    the source format, as detected when {@code auto} was asked
 * @param changes how many distinct drops and changes the report lists
 */
public record ConversionSummary(String input, String from, String to, String output, String report,
                                @JsonProperty("items_in") long itemsIn,
                                @JsonProperty("items_out") long itemsOut,
                                @JsonProperty("annotations_in") long annotationsIn,
                                @JsonProperty("annotations_out") long annotationsOut,
                                int changes, boolean lossy,
                                @JsonProperty("duration_ms") long durationMs) {

    static ConversionSummary of(ConversionJob job, ConversionResult result) {
        ConversionReport r = result.report();
        return new ConversionSummary(job.input().toString(), result.source().format().id(), result.to(),
                job.output().toString(), job.report().toString(), r.itemsIn(), r.itemsOut(), r.totalIn(),
                r.totalOut(), r.entries().size(), r.lossy(), result.millis());
    }
}
