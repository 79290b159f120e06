package org.labelbridge.function;

import java.util.List;

/**
 * The function's answer: {@code "converted"} with one summary per converted archive, or
 * {@code "skipped"} when an S3 event held no created object to convert.
 */
public record ConvertResult(String status, List<ConversionSummary> conversions) {

    static ConvertResult of(List<ConversionSummary> conversions) {
        return new ConvertResult(conversions.isEmpty() ? "skipped" : "converted", List.copyOf(conversions));
    }
}
