package org.labelbridge.function.cvat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The webhook deployment's settings ({@code LABELBRIDGE_CVAT_*}, set by Terraform). None is a
 * secret: the CVAT URL, token and webhook secret are in the secret named by {@link #secretId()}.
 */
@ConfigMapping(prefix = "labelbridge.cvat")
public interface CvatWebhookConfig {

    /** A Secrets Manager secret (name or ARN), or an SSM SecureString parameter ({@code /name} or its ARN). */
    Optional<String> secretId();

    /** Secrets Manager's or SSM's endpoint when not the region's own (tests: a loopback server). */
    Optional<URI> secretsEndpoint();

    /** The input bucket, attached in CVAT as cloud storage {@link #cloudStorageId()}. */
    Optional<String> bucket();

    OptionalLong cloudStorageId();

    /** CVAT's export format, by its display name. */
    @WithDefault("CVAT for images 1.1")
    String format();

    @WithDefault("true")
    boolean saveImages();

    /** The labelbridge target: exports land under {@code auto-to-<target>/}. */
    @WithDefault("yolo")
    String target();

    /** {@code state:<value>} or {@code stage:<value>}. */
    @WithDefault("state:completed")
    String trigger();

    /** {@code job}: a job reaching the trigger exports its task; {@code task}: only when every job has. */
    @WithDefault("job")
    String scope();

    /** {@code task} or {@code project}. */
    @WithDefault("task")
    String exportOf();

    /** The CVAT organization's slug, sent as {@code X-Organization}, when the tasks live in one. */
    Optional<String> organization();

    /** How long to follow an export before answering 202; CVAT gives a delivery 10 s. */
    @WithDefault("5")
    int waitSeconds();

    @WithDefault("1000")
    long pollMillis();
}
