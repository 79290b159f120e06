package org.labelbridge.function;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the function is invoked with: either an S3 event notification ({@code Records}) or a
 * direct payload (Step Functions, {@code aws lambda invoke}). One type for both because Funqy
 * reads every invocation into the function's single parameter.
 *
 * @param records     the S3 notification's records; null for a direct payload
 * @param source      payload: {@code s3://bucket/key} of the archive to convert
 * @param from        payload: source format id or {@code auto}; default the deployment's
 * @param to          payload: target format id; default the deployment's
 * @param options     payload: conversion options over the descriptor's defaults
 * @param destination payload: {@code s3://bucket/prefix/} to write into; default
 *                    {@code s3://<output bucket>/<from>-to-<to>/}
 * @param sourcePrefix payload: a prefix of the source key; outputs are named after the key
 *                    below it (sub-folders kept) rather than after its file name
 * @param otherFields whatever else the JSON held
 */
public record ConvertInput(@JsonProperty("Records") List<S3EventRecord> records,
                           String source, String from, String to, Map<String, Object> options,
                           String destination,
                           @JsonProperty("source_prefix") String sourcePrefix,
                           @JsonAnySetter Map<String, Object> otherFields) {

    /** The payload's fields; any other is refused, so that a misspelt one is not silently ignored. */
    static final List<String> PAYLOAD_FIELDS = List.of("source", "from", "to", "options", "destination",
            "source_prefix");

    public ConvertInput {
        otherFields = otherFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(otherFields));
    }

    public boolean isS3Event() {
        return records != null;
    }
}
