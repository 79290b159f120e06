package org.labelbridge.model;

/** How an attribute's value is entered (CVAT's input types). */
public enum AttributeType {
    CHECKBOX("checkbox"), RADIO("radio"), SELECT("select"), NUMBER("number"), TEXT("text");

    private final String id;

    AttributeType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The type for a CVAT {@code input_type}, or {@code null} when unknown. */
    public static AttributeType fromId(String id) {
        for (AttributeType type : values()) {
            if (type.id.equalsIgnoreCase(id)) {
                return type;
            }
        }
        return null;
    }
}
