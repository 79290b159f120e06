package org.labelbridge.model;

import java.util.List;
import java.util.Objects;

/**
 * A label (class).
 *
 * @param parent     name of the parent label ({@code ""} for none): skeleton node labels
 *                   have their skeleton as parent, Open Images classes their super-class
 * @param attributes the attributes annotations with this label may carry
 */
public record Label(String name, String parent, List<AttributeDef> attributes) {

    public Label {
        Objects.requireNonNull(name, "label name");
        parent = parent == null ? "" : parent;
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    public static Label named(String name) {
        return new Label(name, "", List.of());
    }

    public boolean hasParent() {
        return !parent.isEmpty();
    }
}
