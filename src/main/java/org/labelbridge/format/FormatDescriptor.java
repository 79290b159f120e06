package org.labelbridge.format;

import java.util.Objects;
import java.util.Set;
import org.labelbridge.model.AnnotationKind;

/**
 * What a format is and what it can hold.
 *
 * @param id          short stable id used by the CLI, functions and Terraform ({@code coco})
 * @param displayName CVAT's name for it, exactly ({@code COCO 1.0})
 * @param canRead     whether it can be imported
 * @param canWrite    whether it can be exported
 * @param kinds       the annotation kinds its writer keeps; others are dropped or converted
 *                    by the pipeline, and reported
 * @param features    what else its writer keeps
 * @param bareFile    file extension (with dot) of a single annotation file this format can be
 *                    given alone instead of an archive ({@code .json}), or {@code ""}
 */
public record FormatDescriptor(String id, String displayName, boolean canRead, boolean canWrite,
                               Set<AnnotationKind> kinds, Set<Feature> features, String bareFile) {

    public FormatDescriptor {
        Objects.requireNonNull(id);
        Objects.requireNonNull(displayName);
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(kinds);
        features = features.isEmpty() ? Set.of() : Set.copyOf(features);
        bareFile = bareFile == null ? "" : bareFile;
    }

    public boolean holds(AnnotationKind kind) {
        return kinds.contains(kind);
    }

    public boolean holds(Feature feature) {
        return features.contains(feature);
    }
}
