package org.labelbridge.function.cvat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda function URL invocation (payload format 2.0), only the fields used here. Header
 * names arrive lower-cased; the body is text unless {@code isBase64Encoded}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionUrlRequest(Map<String, String> headers, String body, boolean isBase64Encoded,
                                 RequestContext requestContext) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(Http http) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(String method) {
    }

    /** The body's bytes exactly as the sender signed them. */
    public byte[] rawBody() {
        if (body == null) {
            return new byte[0];
        }
        return isBase64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    /** A header by name, whatever its case. */
    public Optional<String> header(String name) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }

    /** The HTTP method, when the event names one. */
    public Optional<String> method() {
        return Optional.ofNullable(requestContext).map(RequestContext::http).map(Http::method);
    }
}
