package org.labelbridge.function.cvat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * What a function URL answers: Lambda takes {@code statusCode}, {@code headers} and
 * {@code body} from the returned JSON object. The body is a JSON object saying what was done.
 */
public record FunctionUrlResponse(int statusCode, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static FunctionUrlResponse json(int statusCode, Map<String, ?> body) {
        try {
            return new FunctionUrlResponse(statusCode, Map.of("content-type", "application/json"),
                    JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response as JSON", e);
        }
    }
}
