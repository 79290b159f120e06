package org.labelbridge.format.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SortedMap;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.SafeJson;
import org.labelbridge.format.coco.CocoLayout.TaskFile;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.MaskSplitter;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rle;

/**
 * Reads one COCO task file with Jackson's streaming parser into the {@link CocoIndex}: images
 * become items, categories labels, annotations compact records. The top-level keys may come in
 * any order, so image and category ids are resolved when the file is done.
 */
final class CocoFileParser {

    /** Reads and writes COCO JSON, within the shared limits on hostile documents. */
    static final JsonFactory JSON = SafeJson.FACTORY;

    private final CocoIndex index;
    private final DatasetSource source;
    private final Problems problems;
    private final TaskFile file;
    private final int fileNumber;
    private final String fileName;
    private final String subset;
    private final String imagesDir;
    private final ParsedAnnotation parsed = new ParsedAnnotation();
    private int missingPngs;
    private final boolean keypointBoxes;

    private JsonParser p;
    private JsonFields json;
    private AnnotationParser annotationParser;
    /** Where the parser is, for messages: the top-level list and the entry in it. */
    private String section;
    private int entry = -1;
    private boolean sawImages;
    private final LongIntMap itemOfImage = new LongIntMap();
    private final BitSet itemsOfThisFile = new BitSet();
    private final LongIntMap labelOfCategory = new LongIntMap();
    private int firstAnnotation = -1;
    private long[] imageIds = new long[256];
    private long[] categoryIds = new long[256];
    private int[] entries = new int[256];
    private boolean categoriesRead;
    private int annotationCount;

    private int skippedAnnotations;

    CocoFileParser(CocoIndex index, DatasetSource source, Problems problems, TaskFile file, int fileNumber,
                   boolean keypointBoxes) {
        this.keypointBoxes = keypointBoxes;
        this.index = index;
        this.source = source;
        this.problems = problems;
        this.file = file;
        this.fileNumber = fileNumber;
        this.fileName = source.describe(file.path());
        this.subset = file.subset().isEmpty() ? Item.DEFAULT_SUBSET : file.subset();
        this.imagesDir = imagesDir(source, subset);
    }

    /**
     * Where image files are, in the layouts COCO sets come in: {@code images/<subset>/} (CVAT's,
     * Datumaro's), {@code <subset>/} beside {@code annotations/} (the COCO download's and
     * MMDetection's {@code train2017/}), {@code images/} holding them flat; where CVAT would put
     * them when the dataset comes without images.
     */
    private static String imagesDir(DatasetSource source, String subset) {
        String bySubset = CocoLayout.IMAGES_DIR + "/" + subset + "/";
        if (source.foldersIn(CocoLayout.IMAGES_DIR).contains(subset)) {
            return bySubset;
        }
        if (!source.filesIn(subset).isEmpty()) {
            return subset + "/";
        }
        if (!source.filesIn(CocoLayout.IMAGES_DIR).isEmpty()) {
            return CocoLayout.IMAGES_DIR + "/";
        }
        return bySubset;
    }

    void parse() throws IOException {
        try (InputStream in = source.open(file.path()); JsonParser parser = JSON.createParser(in)) {
            p = parser;
            json = new JsonFields(parser, fileName, this::where);
            annotationParser = new AnnotationParser(json, parsed);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw json.error("expected a JSON object with 'images' and 'annotations'");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                section = null;
                entry = -1;
                switch (field) {
                    case "images" -> readImages();
                    case "categories" -> readCategories();
                    case "annotations" -> readAnnotations();
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw SafeJson.error(fileName, e, p);
        }
        if (!sawImages) {
            throw FormatException.at(fileName, null, "no 'images' list: not a COCO annotation file");
        }
        p = null;
        resolve();
        report();
    }

    // ---- images

    private void readImages() throws IOException {
        json.expectArray("images");
        section = "images";
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            entry = i;
            json.expectObject();
            Long id = null;
            String name = null;
            int width = 0;
            int height = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = json.integer("id");
                    case "file_name" -> name = json.text("file_name");
                    case "width" -> width = json.size("width");
                    case "height" -> height = json.size("height");
                    default -> p.skipChildren();
                }
            }
            if (id == null || name == null) {
                throw json.error("an image needs an 'id' and a 'file_name'");
            }
            addImage(id, name.replace('\\', '/'), width, height);
        }
        sawImages = true;
    }

    private void addImage(long id, String name, int width, int height) throws FormatException {
        int dot = name.lastIndexOf('.');
        String itemId = dot > name.lastIndexOf('/') ? name.substring(0, dot) : name;
        Media media = width > 0 && height > 0
                ? new Media(imagesDir + name, width, height) : new Media(imagesDir + name, null, null);
        int item = index.addImage(itemId, subset, media, id);
        if (item < 0) {
            item = -1 - item;
            if (itemsOfThisFile.get(item)) {
                problems.item(itemId, fileName + ", " + where() + ": another image has the file name '"
                        + name + "'; both are read as one item");
            }
        }
        itemsOfThisFile.set(item);
        if (itemOfImage.put(id, item) >= 0) {
            throw json.error("image id " + id + " is used twice");
        }
    }

    // ---- categories

    private void readCategories() throws IOException {
        json.expectArray("categories");
        section = "categories";
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            entry = i;
            json.expectObject();
            Long id = null;
            String name = null;
            String supercategory = null;
            List<String> keypoints = List.of();
            List<int[]> skeleton = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = json.integer("id");
                    case "name" -> name = json.text("name");
                    case "supercategory" -> supercategory = p.currentToken() == JsonToken.VALUE_NULL
                            ? null : json.text("supercategory");
                    case "keypoints" -> keypoints = keypointNames();
                    case "skeleton" -> skeleton = edges();
                    default -> p.skipChildren();
                }
            }
            if (id == null || name == null) {
                throw json.error("a category needs an 'id' and a 'name'");
            }
            int label = index.labels().add(name, supercategory, fileName, id);
            if (labelOfCategory.put(id, label) >= 0) {
                throw json.error("category id " + id + " is used twice");
            }
            if (file.task() == CocoTask.PERSON_KEYPOINTS && !keypoints.isEmpty()) {
                String why = index.labels().defineSkeleton(label, keypoints, skeleton);
                if (why != null) {
                    problems.dataset(fileName + ", " + where() + ": keypoints of '" + name
                            + "' are read as plain points, not a skeleton: " + why);
                }
            }
        }
        categoriesRead = true;
    }

    private List<String> keypointNames() throws IOException {
        json.expectArray("keypoints");
        List<String> names = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            names.add(json.text("keypoints"));
        }
        return names;
    }

    private List<int[]> edges() throws IOException {
        json.expectArray("skeleton");
        List<int[]> edges = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            json.expectArray("skeleton");
            List<Long> ends = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                ends.add(json.integer("skeleton"));
            }
            if (ends.size() != 2) {
                throw json.error("a 'skeleton' edge needs 2 keypoint numbers, got " + ends.size());
            }
            edges.add(new int[] {ends.get(0).intValue(), ends.get(1).intValue()});
        }
        return edges;
    }

    // ---- annotations

    private void readAnnotations() throws IOException {
        json.expectArray("annotations");
        section = "annotations";
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            entry = i;
            parsed.reset();
            json.expectObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                annotationParser.read(field);
            }
            addAnnotation(i);
        }
    }

    private void addAnnotation(int i) throws IOException {
        ParsedAnnotation a = parsed;
        CocoTask task = file.task();
        if (task == CocoTask.PANOPTIC) {
            addPanoptic(a, i);
            return;
        }
        if (task == CocoTask.IMAGE_INFO) {
            skippedAnnotations++;
            return;
        }
        if (!a.hasImageId) {
            throw json.error("an annotation needs an 'image_id'");
        }
        // Checked here when images and categories came first (with the line), else once the file is read.
        if (sawImages && !itemOfImage.containsKey(a.imageId)) {
            throw json.error(unknownImage(a.imageId));
        }
        if (categoriesRead && task != CocoTask.CAPTIONS && a.categoryId != 0 && !labelOfCategory.containsKey(a.categoryId)) {
            throw json.error(unknownCategory(a.categoryId));
        }
        AnnotationCodec.Kind kind;
        if (task == CocoTask.LABELS) {
            kind = AnnotationCodec.Kind.TAG;
        } else if (task == CocoTask.CAPTIONS) {
            if (a.caption == null) {
                throw json.error("a caption annotation needs a 'caption'");
            }
            kind = AnnotationCodec.Kind.CAPTION;
            a.categoryId = 0;
        } else if (a.polygonCount > 0) {
            kind = keypointBox(a, Geometry.bounds(a.coordinates, a.polygonEnds[a.polygonCount - 1]))
                    ? AnnotationCodec.Kind.POLYGONS_AND_BOX : AnnotationCodec.Kind.POLYGONS;
        } else if (a.hasRle) {
            kind = AnnotationCodec.Kind.RLE;
        } else if (task == CocoTask.PERSON_KEYPOINTS && a.hasKeypoints
                && !keypointBox(a, Geometry.keypointBounds(a.keypoints, a.keypointCount))) {
            kind = AnnotationCodec.Kind.NONE; // the box only frames the keypoints (as Datumaro reads it)
        } else if (a.hasBbox) {
            kind = AnnotationCodec.Kind.BBOX;
        } else {
            throw json.error("an object needs a 'segmentation' or a 'bbox'");
        }
        store(a, kind, i);
    }

    private void store(ParsedAnnotation a, AnnotationCodec.Kind kind, int i) {
        index.codec().encode(a, kind, file.task().hasShapes() || file.task() == CocoTask.PANOPTIC,
                fileNumber, index.buffer());
        int number = index.addAnnotation();
        if (firstAnnotation < 0) {
            firstAnnotation = number;
        }
        if (annotationCount == imageIds.length) {
            imageIds = Arrays.copyOf(imageIds, annotationCount * 2);
            categoryIds = Arrays.copyOf(categoryIds, annotationCount * 2);
            entries = Arrays.copyOf(entries, annotationCount * 2);
        }
        imageIds[annotationCount] = a.imageId;
        categoryIds[annotationCount] = a.categoryId;
        entries[annotationCount] = i;
        annotationCount++;
    }

    /**
     * A panoptic entry: its PNG ({@code <task file without .json>/<file_name>}) gives each listed
     * segment's pixels, where R + 256 G + 256^2 B is the segment id; each segment becomes one
     * mask with its category and iscrowd, its id as id (and so as group).
     */
    private void addPanoptic(ParsedAnnotation a, int i) throws IOException {
        if (a.segments == 0) {
            return;
        }
        if (!a.hasImageId) {
            throw json.error("an annotation needs an 'image_id'");
        }
        if (a.fileName == null) {
            throw json.error("a panoptic annotation needs the 'file_name' of its PNG");
        }
        String jsonPath = file.path();
        String png = jsonPath.substring(0, jsonPath.length() - ".json".length()) + "/" + a.fileName;
        if (!source.exists(png)) {
            skippedAnnotations += a.segments;
            missingPngs++;
            return;
        }
        MaskImage image;
        try (InputStream in = source.open(png)) {
            image = MaskImages.read(in, source.describe(png));
        }
        if (image.kind() == MaskImage.Kind.GRAY && image.bitDepth() > 8) {
            throw FormatException.at(source.describe(png), null, "a panoptic PNG needs RGB colours (segment id"
                    + " = R + 256 G + 256^2 B), got " + image.bitDepth() + "-bit grey");
        }
        int height = image.height();
        int width = image.width();
        LongIntMap segmentOfId = new LongIntMap();
        for (int s = 0; s < a.segments; s++) {
            segmentOfId.put(a.segmentInfo[3 * s], s);
        }
        // Segment s + 1 where a pixel's colour is segment s's id, else 0, run by run.
        SortedMap<Integer, Rle> masks = MaskSplitter.masks(image.runs().map(sample -> {
            int rgb = image.colourOf(sample);
            long id = (rgb >> 16 & 0xff) + 256L * (rgb >> 8 & 0xff) + 65536L * (rgb & 0xff);
            return id == 0 ? 0 : segmentOfId.get(id) + 1;
        }));
        long imageId = a.imageId;
        long[] info = Arrays.copyOf(a.segmentInfo, 3 * a.segments);
        int segments = a.segments;
        for (int s = 0; s < segments; s++) {
            Rle rle = masks.getOrDefault(s + 1, new Rle(height, width, new int[] {height * width}));
            a.reset();
            a.imageId = imageId;
            a.hasImageId = true;
            a.id = info[3 * s];
            a.hasId = true;
            a.categoryId = info[3 * s + 1];
            a.crowd = info[3 * s + 2] != 0;
            a.hasRle = true;
            a.rleHeight = height;
            a.rleWidth = width;
            for (int count : rle.counts()) {
                a.addRleCount(count);
            }
            if (categoriesRead && a.categoryId != 0 && !labelOfCategory.containsKey(a.categoryId)) {
                throw json.error(unknownCategory(a.categoryId));
            }
            store(a, AnnotationCodec.Kind.RLE, i);
        }
    }

    /**
     * Whether a keypoints object's bbox is a box of its own (COCO Keypoints' reading): not the
     * frame of its polygons, else of its labelled keypoints, as a writer derives it.
     */
    private boolean keypointBox(ParsedAnnotation a, double[] derived) {
        return keypointBoxes && file.task() == CocoTask.PERSON_KEYPOINTS && a.hasKeypoints && a.hasBbox
                && !Arrays.equals(a.bbox, derived);
    }

    /** Ties each annotation of this file to its item and label, now that all ids are known. */
    private void resolve() throws FormatException {
        for (int k = 0; k < annotationCount; k++) {
            int item = itemOfImage.get(imageIds[k]);
            if (item < 0) {
                throw resolveError(k, unknownImage(imageIds[k]));
            }
            int label = -1;
            if (categoryIds[k] != 0) {
                label = labelOfCategory.get(categoryIds[k]);
                if (label < 0) {
                    throw resolveError(k, unknownCategory(categoryIds[k]));
                }
            }
            index.resolve(firstAnnotation + k, item, label);
        }
        imageIds = null;
        categoryIds = null;
        entries = null;
    }

    private static String unknownImage(long id) {
        return "'image_id' " + id + " is not in 'images'";
    }

    private static String unknownCategory(long id) {
        return "'category_id' " + id + " is not in 'categories'";
    }

    private void report() {
        if (skippedAnnotations > 0 && file.task() == CocoTask.PANOPTIC) {
            problems.dataset(fileName + ": " + skippedAnnotations + " panoptic segments not read: " + missingPngs
                    + " of their PNG files are missing");
        } else if (skippedAnnotations > 0) {
            problems.dataset(fileName + ": " + skippedAnnotations + " annotations not read: an image_info"
                    + " file holds only images");
        }
        if (annotationParser.shortPolygons() > 0) {
            problems.dataset(fileName + ": " + annotationParser.shortPolygons() + " polygons with fewer than 3 points dropped"
                    + " (first in " + annotationParser.firstShortPolygon() + "); an object left without one is read as its bbox");
        }
        if (annotationParser.objectAttributes() > 0) {
            problems.dataset(fileName + ": " + annotationParser.objectAttributes() + " attribute values that are JSON objects"
                    + " kept as their JSON text");
        }
    }

    /** The entry being read: {@code annotations[17] (id 42)}, or {@code null} at the top level. */
    private String where() {
        if (section == null || entry < 0) {
            return null;
        }
        return section.equals("annotations") ? parsed.describe(entry) : section + "[" + entry + "]";
    }

    /** An error found after the file was read: an annotation's image or category is not declared. */
    private FormatException resolveError(int k, String message) {
        return FormatException.at(fileName, "annotations[" + entries[k] + "] (id "
                + index.annotationId(firstAnnotation + k) + ")", message);
    }
}
