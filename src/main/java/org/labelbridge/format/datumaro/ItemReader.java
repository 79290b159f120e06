package org.labelbridge.format.datumaro;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/** Reads the items of one subset file, one object at a time. */
final class ItemReader {

    private final JsonInput in;
    private final DatasetSource source;
    private final String subset;
    private final Problems problems;
    private final AnnotationReader annotations;
    private final Set<String> reportedFields = new HashSet<>();
    /** Whether a point cloud is the item's media (Datumaro 3D) or only counted, not kept. */
    private final boolean keepPointClouds;
    private int pointClouds;

    ItemReader(JsonInput in, DatasetSource source, String subset, Categories categories, boolean keepPointClouds,
               Problems problems) {
        this.in = in;
        this.keepPointClouds = keepPointClouds;
        this.source = source;
        this.subset = subset;
        this.problems = problems;
        this.annotations = new AnnotationReader(in, categories, problems);
    }

    /** How many items referred to a point cloud (not kept, nor its related images). */
    int pointClouds() {
        return pointClouds;
    }

    /** Reads the item object the parser stands on. */
    Item read(int index) throws IOException {
        String where = "items[" + index + "]";
        in.expect(JsonToken.START_OBJECT, where, "an item object");
        PendingProblems pending = new PendingProblems();
        String id = null;
        List<Annotation> list = new ArrayList<>();
        Map<String, Object> attributes = Map.of();
        ImageField image = null;
        String mediaPath = null;
        String pointCloud = null;
        List<ImageField> related = List.of();
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String field = in.fieldName();
            switch (field) {
                case "id" -> id = readId(where);
                case "annotations" -> readAnnotations(where, list, pending);
                case "attr" -> attributes = AttributeValues.read(in, where + ".attr", pending.itemSink(where + ".attr"));
                case "image" -> image = readImage(where + ".image");
                case "media" -> mediaPath = readMediaPath(where + ".media");
                case "point_cloud" -> pointCloud = readMediaPath(where + ".point_cloud");
                case "related_images" -> related = readRelatedImages(where + ".related_images");
                default -> {
                    in.next();
                    in.skipValue();
                    if (reportedFields.add(field)) {
                        problems.dataset(in.file() + ": item field '" + field + "' is not kept");
                    }
                }
            }
        }
        if (id == null) {
            throw in.fail(where, "the item has no 'id'");
        }
        Media media;
        if (pointCloud != null && keepPointClouds) {
            media = pointCloudMedia(id, pointCloud, related);
        } else {
            if (pointCloud != null) {
                pointClouds++;
            }
            media = image != null ? image.media(id) : mediaPath != null ? new Media(mediaPath, null, null) : Media.NONE;
        }
        pending.flush(problems, id, subset);
        return new Item(id, subset, media, list, attributes);
    }

    /**
     * A point cloud at {@code point_clouds/<subset>/<path>} with its related images at
     * {@code related_images/<subset>/<id>/<path>}, where Datumaro's exporter puts them.
     */
    private Media pointCloudMedia(String id, String path, List<ImageField> related) {
        List<Media> images = new ArrayList<>(related.size());
        for (ImageField image : related) {
            if (image.path != null) {
                images.add(new Media(inFolder(DatumaroLayout.relatedImagesFolder(subset, id), image.path),
                        image.width, image.height));
            }
        }
        return Media.pointCloud(inFolder(DatumaroLayout.pointCloudFolder(subset), path), images);
    }

    private static String inFolder(String folder, String path) {
        boolean absolute = path.startsWith("/") || path.matches("^[A-Za-z]:[\\\\/].*");
        return absolute ? path : folder + path; // an absolute path on the exporting machine: not in the dataset
    }

    private List<ImageField> readRelatedImages(String where) throws IOException {
        in.nextExpect(JsonToken.START_ARRAY, where, "related images (an array of {path, size})");
        List<ImageField> images = new ArrayList<>();
        for (JsonToken token = in.next(); token != JsonToken.END_ARRAY; token = in.next()) {
            images.add(imageObject(where + "[" + images.size() + "]"));
        }
        return images;
    }

    private String readId(String where) throws IOException {
        in.next();
        if (in.current() == JsonToken.VALUE_NUMBER_INT) {
            return Long.toString(in.longValue(where, "the item id"));
        }
        return in.string(where, "the item id");
    }

    private void readAnnotations(String where, List<Annotation> list, PendingProblems pending) throws IOException {
        in.nextExpect(JsonToken.START_ARRAY, where, "annotations (an array)");
        int index = 0;
        for (JsonToken token = in.next(); token != JsonToken.END_ARRAY; token = in.next()) {
            Annotation annotation = annotations.read(where + ".annotations[" + index++ + "]", pending);
            if (annotation != null) {
                list.add(annotation);
            }
        }
    }

    /** The {@code image} object: a path relative to {@code images/<subset>/} and a size [h, w]. */
    private final class ImageField {
        String path;
        Integer width;
        Integer height;

        Media media(String id) {
            return new Media(resolve(id), width, height);
        }

        private String resolve(String id) {
            String folder = DatumaroLayout.imageFolder(subset);
            if (path == null) {
                // Datumaro's default name; kept only when the file is there.
                String guess = folder + id + DatumaroLayout.DEFAULT_IMAGE_EXT;
                return source.exists(guess) ? guess : null;
            }
            if (path.startsWith("/") || path.matches("^[A-Za-z]:[\\\\/].*")) {
                return path; // an absolute path on the exporting machine: not in the dataset
            }
            String inSubset = folder + path;
            String legacy = DatumaroLayout.IMAGES_DIR + "/" + path;
            return !source.exists(inSubset) && source.exists(legacy) ? legacy : inSubset;
        }
    }

    private ImageField readImage(String where) throws IOException {
        in.next();
        return imageObject(where);
    }

    /** The image object the parser stands on. */
    private ImageField imageObject(String where) throws IOException {
        in.expect(JsonToken.START_OBJECT, where, "an image object {path, size}");
        ImageField image = new ImageField();
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String field = in.fieldName();
            if (field.equals("path")) {
                image.path = in.next() == JsonToken.VALUE_NULL ? null : in.string(where, "the image path");
            } else if (field.equals("size")) {
                if (in.next() == JsonToken.VALUE_NULL) {
                    continue;
                }
                in.expect(JsonToken.START_ARRAY, where, "the image size [h, w]");
                int height = in.readInt(where, "the image height");
                int width = in.readInt(where, "the image width");
                in.nextExpect(JsonToken.END_ARRAY, where, "the end of the image size [h, w]");
                if (height <= 0 || width <= 0) {
                    throw in.fail(where, "the image size must be positive, got [" + height + ", " + width + "]");
                }
                image.height = height;
                image.width = width;
            } else {
                in.next();
                in.skipValue();
            }
        }
        return image;
    }

    private String readMediaPath(String where) throws IOException {
        in.nextExpect(JsonToken.START_OBJECT, where, "a media object {path}");
        String path = null;
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            if (in.fieldName().equals("path")) {
                path = in.next() == JsonToken.VALUE_NULL ? null : in.string(where, "the media path");
            } else {
                in.next();
                in.skipValue();
            }
        }
        // CVAT writes {"path": ""} for media it did not export.
        return path == null || path.isEmpty() ? null : path;
    }
}
