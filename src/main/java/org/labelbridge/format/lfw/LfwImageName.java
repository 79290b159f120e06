package org.labelbridge.format.lfw;

/**
 * How a pairs line names an image: a person and a number ({@code name1 2} is
 * {@code name1/name1_0002}), or a person and an image name when the field is not a number.
 *
 * @param id    the item id ({@code name1_0002})
 * @param image the image path below {@code images/} without extension ({@code name1/name1_0002})
 */
record LfwImageName(String id, String image) {

    /** The image a pairs line names by its person and number (or name) fields. */
    static LfwImageName of(String person, String field) {
        try {
            int number = Integer.parseInt(field.strip());
            String id = String.format("%s_%04d", person, number);
            return new LfwImageName(id, person + "/" + id);
        } catch (NumberFormatException e) {
            return new LfwImageName(field, person + "/" + field);
        }
    }

    /**
     * The field a pairs line writes for an item of this person: its number when the id is
     * {@code <person>_<4 digits>}, else the id itself; null when a reader would take the id for
     * a number or for a field separator.
     */
    static String field(String person, String id) {
        String prefix = person + "_";
        if (id.startsWith(prefix)) {
            try {
                int number = Integer.parseInt(id.substring(prefix.length()));
                if (String.format("%s_%04d", person, number).equals(id)) {
                    return Integer.toString(number);
                }
            } catch (NumberFormatException e) {
                // not a numbered image: written by name
            }
        }
        if (id.isEmpty() || id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0 || isNumber(id)) {
            return null;
        }
        return id;
    }

    private static boolean isNumber(String text) {
        try {
            Integer.parseInt(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
