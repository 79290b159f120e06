package org.labelbridge.function;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The deployment's settings. Terraform sets them as environment variables
 * ({@code LABELBRIDGE_FUNCTION}, {@code LABELBRIDGE_OUTPUT_BUCKET}, {@code LABELBRIDGE_WORK_DIR}).
 */
@ConfigMapping(prefix = "labelbridge")
public interface FunctionConfig {

    /** The descriptor this Lambda serves, {@code <from>-to-<to>}; S3 events need it. */
    Optional<String> function();

    /** Where outputs go unless a payload names a destination. */
    Optional<String> outputBucket();

    /** Where inputs are downloaded and outputs built; Lambda can only write to /tmp. */
    @WithDefault("/tmp")
    Path workDir();
}
