package org.labelbridge.function;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One exposed function, as described by {@code functions/<from>-to-<to>.json}: the format
 * pair, default options, and the Lambda's memory and timeout (which only Terraform uses).
 * Unknown keys are an error, so that a typo in a descriptor does not pass unnoticed.
 *
 * @param ephemeralStorageMb /tmp size for this function, or null for Terraform's default
 */
public record FunctionDescriptor(String from, String to, Map<String, Object> options,
                                 @JsonProperty("memory_mb") int memoryMb,
                                 @JsonProperty("timeout_s") int timeoutS,
                                 @JsonProperty("ephemeral_storage_mb") Integer ephemeralStorageMb) {

    /** Where descriptors sit on the classpath (the pom copies {@code functions/*.json} there). */
    public static final String RESOURCE_FOLDER = "functions/";

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public FunctionDescriptor {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** The function's name, which is also its file name without {@code .json} and its S3 key prefix. */
    public String name() {
        return FunctionNames.of(from, to);
    }

    public static FunctionDescriptor parse(InputStream json, String fileName) throws IOException {
        try {
            return STRICT.readValue(json, FunctionDescriptor.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException(fileName + ": not a valid function descriptor: " + e.getMessage(), e);
        }
    }

    /** The bundled descriptor of this name; an unknown name is an error that says where it looked. */
    public static FunctionDescriptor load(String name) throws IOException {
        return find(name).orElseThrow(() -> new IOException("no function descriptor '" + name + "' (looked for "
                + RESOURCE_FOLDER + name + ".json on the classpath; descriptors come from functions/)"));
    }

    /** The bundled descriptor of this name, if there is one; a malformed one is an error. */
    public static Optional<FunctionDescriptor> find(String name) throws IOException {
        String resource = RESOURCE_FOLDER + name + ".json";
        try (InputStream in = FunctionDescriptor.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(parse(in, resource));
        }
    }
}
