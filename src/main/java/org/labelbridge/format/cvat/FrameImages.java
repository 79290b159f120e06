package org.labelbridge.format.cvat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.common.ImageHeaders;

/**
 * The frame images of a video dump: {@code images/frame_000010.png}, or
 * {@code images/<subset>/frame_000010.png} in a project, by subset and frame number. A frame the
 * meta gives no size (no {@code <original_size>}) takes its image's, read from the header once.
 */
final class FrameImages {

    private static final Pattern FRAME_FILE = Pattern.compile("(?:(.+)/)?frame_(\\d{1,18})");

    private record Key(String subset, long frame) {
    }

    private final DatasetSource source;
    private final Map<Key, String> paths = new LinkedHashMap<>();
    private final Map<Key, Optional<CvatMeta.Size>> sizes = new HashMap<>();

    private FrameImages(DatasetSource source) {
        this.source = source;
    }

    /**
     * The frame images under {@code <base>images/}.
     *
     * @param subset the subset of frames directly in {@code images/}
     */
    static FrameImages under(DatasetSource source, String base, String subset) {
        FrameImages found = new FrameImages(source);
        String images = base + CvatLayout.IMAGES_DIR + "/";
        for (String file : source.filesUnder(images)) {
            Matcher matcher = FRAME_FILE.matcher(CvatLayout.stripExtension(file.substring(images.length())));
            if (matcher.matches()) {
                String frameSubset = matcher.group(1) != null ? matcher.group(1) : subset;
                found.paths.putIfAbsent(new Key(frameSubset, Long.parseLong(matcher.group(2))), file);
            }
        }
        return found;
    }

    /** One frame image: its subset, frame number and path. */
    record FrameImage(String subset, long frame, String path) {
    }

    /** Every frame image, in listing order. */
    List<FrameImage> all() {
        List<FrameImage> all = new ArrayList<>(paths.size());
        paths.forEach((key, path) -> all.add(new FrameImage(key.subset(), key.frame(), path)));
        return all;
    }

    /** The size of the frame's image from its header, or {@code null} when it has none (or no image). */
    CvatMeta.Size size(String subset, long frame) throws IOException {
        if (paths.isEmpty()) {
            return null;
        }
        Key key = new Key(subset, frame);
        Optional<CvatMeta.Size> known = sizes.get(key);
        if (known == null) {
            String path = paths.get(key);
            known = path == null ? Optional.empty() : ImageHeaders.read(source, path)
                    .map(size -> new CvatMeta.Size(size.width(), size.height()));
            sizes.put(key, known);
        }
        return known.orElse(null);
    }
}
