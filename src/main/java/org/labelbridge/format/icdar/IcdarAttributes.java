package org.labelbridge.format.icdar;

/** The attribute names ICDAR annotations carry (Datumaro's and CVAT's). */
final class IcdarAttributes {

    /** The transcription of a localized word (String). */
    static final String TEXT = "text";
    /** A segmented character's position among the characters of its file (Long). */
    static final String INDEX = "index";
    /** A segmented character's colour in the {@code _GT.bmp}, {@code "R G B"} (String). */
    static final String COLOR = "color";
    /** A segmented character's centre as the file gives it, {@code "cx cy"} (String). */
    static final String CENTER = "center";

    private IcdarAttributes() {
    }
}
