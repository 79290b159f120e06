package org.labelbridge.model;

/** A colour, each channel 0..255. */
public record Rgb(int r, int g, int b) {

    public Rgb {
        if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) {
            throw new IllegalArgumentException("colour channel out of 0..255: " + r + "," + g + "," + b);
        }
    }

    public String hex() {
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
