package org.labelbridge.format.labelstudio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.common.ImageFiles;

/**
 * Finds the archive entry a task's image reference means. Label Studio stores where it got the
 * image, not a path in any archive: {@code /data/upload/<project>/<uuid8>-<name>} for uploads,
 * {@code /data/local-files/?d=<path>} for local storage, {@code s3://}, {@code gs://},
 * {@code azure-blob://} or {@code http(s)://} URLs for cloud storage, or a bare name. The entry is
 * the image of the archive with the reference's file name; for an upload, whose name Label Studio
 * prefixed with 8 hex digits and a dash, also the name without that prefix. Of several entries with
 * the name, the one whose path the reference ends with wins, else the first.
 */
final class ImageReferences {

    private static final Pattern UPLOAD_PREFIX = Pattern.compile("[0-9a-f]{8}-(.+)");

    private final Map<String, List<String>> byName = new HashMap<>();

    ImageReferences(DatasetSource source) {
        for (String file : source.files()) {
            if (ImageFiles.isImage(file)) {
                byName.computeIfAbsent(fileName(file), k -> new ArrayList<>()).add(file);
            }
        }
    }

    /** The entry the reference means, or {@code null} when the archive has no image of its name. */
    String entry(String reference) {
        String path = path(reference);
        String name = fileName(path);
        String found = pick(byName.get(name), path);
        if (found == null) {
            var upload = UPLOAD_PREFIX.matcher(name);
            if (upload.matches()) {
                found = pick(byName.get(upload.group(1)), path);
            }
        }
        return found;
    }

    /** The reference as a path: a local-files {@code d} parameter, a URL's path, percent-decoded. */
    static String path(String reference) {
        String path = reference.strip();
        int local = path.indexOf("?d=");
        if (local >= 0) {
            path = path.substring(local + 3);
            int amp = path.indexOf('&');
            path = amp >= 0 ? path.substring(0, amp) : path;
        } else {
            int query = path.indexOf('?');
            path = query >= 0 ? path.substring(0, query) : path;
        }
        int fragment = path.indexOf('#');
        path = fragment >= 0 ? path.substring(0, fragment) : path;
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not percent-encoded after all: keep it as it is
        }
        return path.replace('\\', '/');
    }

    /** The last segment of a path. */
    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String pick(List<String> entries, String path) {
        if (entries == null) {
            return null;
        }
        for (String entry : entries) {
            if (path.endsWith("/" + entry) || path.equals(entry)) {
                return entry;
            }
        }
        return entries.get(0);
    }
}
