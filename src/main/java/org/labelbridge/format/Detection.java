package org.labelbridge.format;

/**
 * A detector's answer: a confidence and the evidence it rests on.
 *
 * @param confidence one of {@link #NONE}, {@link #WEAK}, {@link #MEDIUM}, {@link #STRONG}
 *                   (values in between are allowed to break ties deliberately)
 * @param evidence   what was seen, for the user ("annotations/instances_train.json")
 */
public record Detection(int confidence, String evidence) {

    public static final int NONE_CONFIDENCE = 0;
    /** File names or extensions fit, nothing more was checked. */
    public static final int WEAK = 10;
    /** The expected files are there. */
    public static final int MEDIUM = 50;
    /** The expected files are there and their first bytes look right. */
    public static final int STRONG = 100;

    public static final Detection NONE = new Detection(NONE_CONFIDENCE, "");

    public static Detection weak(String evidence) {
        return new Detection(WEAK, evidence);
    }

    public static Detection medium(String evidence) {
        return new Detection(MEDIUM, evidence);
    }

    public static Detection strong(String evidence) {
        return new Detection(STRONG, evidence);
    }

    public boolean matched() {
        return confidence > NONE_CONFIDENCE;
    }
}
