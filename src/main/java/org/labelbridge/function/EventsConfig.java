package org.labelbridge.function;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * Where the convert function tells the training side (see {@link ConversionEvents}); Terraform
 * sets {@code LABELBRIDGE_EVENTS_BUS=default} when the labeling loop is on.
 */
@ConfigMapping(prefix = "labelbridge.events")
public interface EventsConfig {

    /** The EventBridge bus to put events on ({@code default}: the account's), or {@code none}. */
    @WithDefault("none")
    String bus();

    /** EventBridge's endpoint, when not the region's own (tests: a loopback server). */
    Optional<URI> endpoint();
}
