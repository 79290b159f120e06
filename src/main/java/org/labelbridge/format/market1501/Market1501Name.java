package org.labelbridge.format.market1501;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attributes in a Market-1501 file name, {@code <person>_c<camera>s<track>_<frame>_<bbox>},
 * and the custom id that may follow them.
 *
 * @param personId as written ({@code "0001"}, {@code "-1"} for junk images)
 * @param cameraId 0-based (the name's {@code c1} is 0)
 * @param custom   text after the pattern (the item id when not empty), or {@code ""}
 */
record Market1501Name(String personId, long cameraId, long trackId, long frameId, long bboxId, String custom) {

    static final Pattern PATTERN = Pattern.compile("^(-?\\d+)_c(\\d+)s(\\d+)_(\\d+)_(\\d+)(.*)$");

    /** The name's attributes, or null when the name (without extension) does not follow the pattern. */
    static Market1501Name parse(String stem) {
        Matcher m = PATTERN.matcher(stem);
        if (!m.matches()) {
            return null;
        }
        try {
            return new Market1501Name(m.group(1), Long.parseLong(m.group(2)) - 1, Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), m.group(6));
        } catch (NumberFormatException e) {
            return null; // digits beyond a long: not a name this format wrote
        }
    }

    /** The file name without extension: {@code 0001_c2s3_000111_00} plus the custom id. */
    String format() {
        return String.format("%s_c%ds%d_%06d_%02d%s", personId, cameraId + 1, trackId, frameId, bboxId, custom);
    }

    /** The item attributes this name gives, with {@code query} as the folder says. */
    Map<String, Object> attributes(boolean query) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(Market1501Files.PERSON_ID, personId);
        attributes.put(Market1501Files.CAMERA_ID, cameraId);
        attributes.put(Market1501Files.TRACK_ID, trackId);
        attributes.put(Market1501Files.FRAME_ID, frameId);
        attributes.put(Market1501Files.BBOX_ID, bboxId);
        attributes.put(Market1501Files.QUERY, query);
        return attributes;
    }
}
