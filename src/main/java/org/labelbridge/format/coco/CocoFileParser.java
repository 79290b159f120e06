package org.labelbridge.format.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.coco.CocoLayout.TaskFile;
import org.labelbridge.format.common.CocoRle;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * Reads one COCO task file with Jackson's streaming parser into the {@link CocoIndex}: images
 * become items, categories labels, annotations compact records. The top-level keys may come in
 * any order, so image and category ids are resolved when the file is done.
 */
final class CocoFileParser {

    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private final CocoIndex index;
    private final DatasetSource source;
    private final Problems problems;
    private final TaskFile file;
    private final int fileNumber;
    private final String fileName;
    private final String subset;
    private final String imagesDir;
    private final ParsedAnnotation parsed = new ParsedAnnotation();

    private JsonParser p;
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
    private int shortPolygons;
    private String firstShortPolygon;
    private int objectAttributes;

    CocoFileParser(CocoIndex index, DatasetSource source, Problems problems, TaskFile file, int fileNumber) {
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
     * Where image files are: {@code images/<subset>/}, else {@code images/} when that holds them
     * flat; where they would be when the dataset comes without images.
     */
    private static String imagesDir(DatasetSource source, String subset) {
        String bySubset = CocoLayout.IMAGES_DIR + "/" + subset + "/";
        if (!source.filesIn(CocoLayout.IMAGES_DIR).isEmpty()
                && !source.foldersIn(CocoLayout.IMAGES_DIR).contains(subset)) {
            return CocoLayout.IMAGES_DIR + "/";
        }
        return bySubset;
    }

    void parse() throws IOException {
        try (InputStream in = source.open(file.path()); JsonParser parser = JSON.createParser(in)) {
            p = parser;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error("expected a JSON object with 'images' and 'annotations'");
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
            JsonLocation at = e.getLocation();
            throw FormatException.at(fileName, at == null ? null
                    : "line " + at.getLineNr() + ", column " + at.getColumnNr(), "malformed JSON: " + e.getOriginalMessage());
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
        expectArray("images");
        section = "images";
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            entry = i;
            expectObject();
            Long id = null;
            String name = null;
            int width = 0;
            int height = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = integer("id");
                    case "file_name" -> name = text("file_name");
                    case "width" -> width = size("width");
                    case "height" -> height = size("height");
                    default -> p.skipChildren();
                }
            }
            if (id == null || name == null) {
                throw error("an image needs an 'id' and a 'file_name'");
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
            throw error("image id " + id + " is used twice");
        }
    }

    // ---- categories

    private void readCategories() throws IOException {
        expectArray("categories");
        section = "categories";
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            entry = i;
            expectObject();
            Long id = null;
            String name = null;
            String supercategory = null;
            List<String> keypoints = List.of();
            List<int[]> skeleton = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = integer("id");
                    case "name" -> name = text("name");
                    case "supercategory" -> supercategory = p.currentToken() == JsonToken.VALUE_NULL
                            ? null : text("supercategory");
                    case "keypoints" -> keypoints = keypointNames();
                    case "skeleton" -> skeleton = edges();
                    default -> p.skipChildren();
                }
            }
            if (id == null || name == null) {
                throw error("a category needs an 'id' and a 'name'");
            }
            int label = index.labels().add(name, supercategory);
            if (labelOfCategory.put(id, label) >= 0) {
                throw error("category id " + id + " is used twice");
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
        expectArray("keypoints");
        List<String> names = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            names.add(text("keypoints"));
        }
        return names;
    }

    private List<int[]> edges() throws IOException {
        expectArray("skeleton");
        List<int[]> edges = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expectArray("skeleton");
            List<Long> ends = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                ends.add(integer("skeleton"));
            }
            if (ends.size() != 2) {
                throw error("a 'skeleton' edge needs 2 keypoint numbers, got " + ends.size());
            }
            edges.add(new int[] {ends.get(0).intValue(), ends.get(1).intValue()});
        }
        return edges;
    }

    // ---- annotations

    private void readAnnotations() throws IOException {
        expectArray("annotations");
        section = "annotations";
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            entry = i;
            parsed.reset();
            expectObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                readAnnotationField(field);
            }
            addAnnotation(i);
        }
    }

    private void readAnnotationField(String field) throws IOException {
        ParsedAnnotation a = parsed;
        switch (field) {
            case "id" -> {
                a.id = integer("id");
                a.hasId = true;
            }
            case "image_id" -> {
                a.imageId = integer("image_id");
                a.hasImageId = true;
            }
            case "category_id" -> a.categoryId = p.currentToken() == JsonToken.VALUE_NULL
                    ? 0 : integer("category_id");
            case "iscrowd" -> a.crowd = p.currentToken() == JsonToken.VALUE_TRUE
                    || p.currentToken() != JsonToken.VALUE_FALSE && integer("iscrowd") != 0;
            case "score" -> {
                a.score = number("score");
                a.hasScore = true;
            }
            case "bbox" -> readBbox();
            case "segmentation" -> readSegmentation();
            case "keypoints" -> readKeypoints();
            case "caption" -> a.caption = text("caption");
            case "attributes" -> readAttributes();
            case "segments_info" -> {
                expectArray("segments_info");
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                    a.segments++;
                }
            }
            default -> p.skipChildren();
        }
    }

    private void readBbox() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expectArray("bbox");
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            double value = number("bbox");
            if (n < 4) {
                parsed.bbox[n] = value;
            }
            n++;
        }
        if (n != 4) {
            throw error("'bbox' needs 4 numbers [x, y, width, height], got " + n);
        }
        parsed.hasBbox = true;
    }

    private void readSegmentation() throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token == JsonToken.START_OBJECT) {
            readRle();
            return;
        }
        expectArray("segmentation");
        JsonToken next = p.nextToken();
        if (next != JsonToken.END_ARRAY && next != JsonToken.START_ARRAY) {
            readPolygon(0, true); // a flat list: one polygon
            return;
        }
        for (int polygon = 0; next != JsonToken.END_ARRAY; polygon++, next = p.nextToken()) {
            expectArray("segmentation");
            p.nextToken();
            readPolygon(polygon, false);
        }
    }

    /** Reads numbers up to the end of the array; the first is the current token. */
    private void readPolygon(int polygon, boolean flat) throws IOException {
        int start = parsed.coordinateCount;
        for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            parsed.addCoordinate(number("segmentation"));
        }
        int count = parsed.coordinateCount - start;
        if (count == 0 && !flat) {
            return; // [[]]: no polygon
        }
        if (count % 2 != 0) {
            throw error("polygon " + polygon + " of 'segmentation' has " + count
                    + " numbers; expected x, y pairs");
        }
        if (count < 6) {
            parsed.dropPolygon();
            if (shortPolygons++ == 0) {
                firstShortPolygon = where();
            }
            return;
        }
        parsed.endPolygon();
    }

    private void readRle() throws IOException {
        String compressed = null;
        long[] size = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "counts" -> {
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        compressed = p.getText();
                    } else {
                        expectArray("segmentation.counts");
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            long count = integer("segmentation.counts");
                            if (count < 0 || count > Integer.MAX_VALUE) {
                                throw error("'segmentation.counts' has a run of " + count + " pixels");
                            }
                            parsed.addRleCount((int) count);
                        }
                    }
                }
                case "size" -> {
                    expectArray("segmentation.size");
                    List<Long> values = new ArrayList<>(2);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        values.add(integer("segmentation.size"));
                    }
                    if (values.size() != 2 || values.get(0) < 0 || values.get(1) < 0
                            || values.get(0) > Integer.MAX_VALUE || values.get(1) > Integer.MAX_VALUE) {
                        throw error("'segmentation.size' needs [height, width], got " + values);
                    }
                    size = new long[] {values.get(0), values.get(1)};
                }
                default -> p.skipChildren();
            }
        }
        if (size == null) {
            throw error("an RLE 'segmentation' needs a 'size' [height, width]");
        }
        parsed.rleHeight = (int) size[0];
        parsed.rleWidth = (int) size[1];
        if (compressed != null) {
            try {
                int[] counts = CocoRle.decode(compressed, parsed.rleHeight, parsed.rleWidth).counts();
                for (int count : counts) {
                    parsed.addRleCount(count);
                }
            } catch (IllegalArgumentException e) {
                throw error("compressed RLE 'counts' cannot be decoded: " + e.getMessage());
            }
        } else {
            long total = 0;
            for (int k = 0; k < parsed.rleCount; k++) {
                total += parsed.rleCounts[k];
            }
            if (total != size[0] * size[1]) {
                throw error("RLE 'counts' add up to " + total + " pixels; 'size' "
                        + size[0] + "x" + size[1] + " has " + size[0] * size[1]);
            }
        }
        parsed.hasRle = true;
    }

    private void readKeypoints() throws IOException {
        expectArray("keypoints");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            parsed.addKeypointValue(number("keypoints"));
        }
        if (parsed.keypointCount % 3 != 0) {
            throw error("'keypoints' has " + parsed.keypointCount + " numbers; expected x, y, v triplets");
        }
        for (int k = 2; k < parsed.keypointCount; k += 3) {
            double v = parsed.keypoints[k];
            if (v != 0 && v != 1 && v != 2) {
                throw error("keypoint " + k / 3 + " has visibility " + v + "; expected 0, 1 or 2");
            }
        }
        parsed.hasKeypoints = true;
    }

    private void readAttributes() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expectObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Object value = attributeValue();
            if (value != null) {
                parsed.removeAttribute(name);
                parsed.attributeNames.add(name);
                parsed.attributeValues.add(value);
            }
        }
    }

    /** A scalar, a list of them, or an object kept as its JSON text; {@code null} for null. */
    private Object attributeValue() throws IOException {
        switch (p.currentToken()) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getText() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_STRING:
                return p.getText();
            case VALUE_NULL:
                return null;
            case START_ARRAY:
                List<Object> values = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Object value = attributeValue();
                    if (value != null) {
                        values.add(value);
                    }
                }
                return List.copyOf(values);
            default:
                objectAttributes++;
                StringWriter text = new StringWriter();
                try (JsonGenerator generator = JSON.createGenerator(text)) {
                    generator.copyCurrentStructure(p);
                }
                return text.toString();
        }
    }

    private void addAnnotation(int i) throws FormatException {
        ParsedAnnotation a = parsed;
        CocoTask task = file.task();
        if (task == CocoTask.PANOPTIC || task == CocoTask.IMAGE_INFO) {
            skippedAnnotations += task == CocoTask.PANOPTIC ? Math.max(1, a.segments) : 1;
            return;
        }
        if (!a.hasImageId) {
            throw error("an annotation needs an 'image_id'");
        }
        // Checked here when images and categories came first (with the line), else once the file is read.
        if (sawImages && !itemOfImage.containsKey(a.imageId)) {
            throw error(unknownImage(a.imageId));
        }
        if (categoriesRead && task != CocoTask.CAPTIONS && a.categoryId != 0 && !labelOfCategory.containsKey(a.categoryId)) {
            throw error(unknownCategory(a.categoryId));
        }
        AnnotationCodec.Kind kind;
        if (task == CocoTask.LABELS) {
            kind = AnnotationCodec.Kind.TAG;
        } else if (task == CocoTask.CAPTIONS) {
            if (a.caption == null) {
                throw error("a caption annotation needs a 'caption'");
            }
            kind = AnnotationCodec.Kind.CAPTION;
            a.categoryId = 0;
        } else if (a.polygonCount > 0) {
            kind = AnnotationCodec.Kind.POLYGONS;
        } else if (a.hasRle) {
            kind = AnnotationCodec.Kind.RLE;
        } else if (task == CocoTask.PERSON_KEYPOINTS && a.hasKeypoints) {
            kind = AnnotationCodec.Kind.NONE; // the box only frames the keypoints (as Datumaro reads it)
        } else if (a.hasBbox) {
            kind = AnnotationCodec.Kind.BBOX;
        } else {
            throw error("an object needs a 'segmentation' or a 'bbox'");
        }
        index.codec().encode(a, kind, task.hasShapes(), fileNumber, index.buffer());
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
            problems.dataset(fileName + ": " + skippedAnnotations + " panoptic segments not read: their masks"
                    + " are PNG images, which labelbridge does not decode");
        } else if (skippedAnnotations > 0) {
            problems.dataset(fileName + ": " + skippedAnnotations + " annotations not read: an image_info"
                    + " file holds only images");
        }
        if (shortPolygons > 0) {
            problems.dataset(fileName + ": " + shortPolygons + " polygons with fewer than 3 points dropped"
                    + " (first in " + firstShortPolygon + "); an object left without one is read as its bbox");
        }
        if (objectAttributes > 0) {
            problems.dataset(fileName + ": " + objectAttributes + " attribute values that are JSON objects"
                    + " kept as their JSON text");
        }
    }

    // ---- typed values

    private long integer(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = p.getDoubleValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return (long) value;
            }
        }
        throw error("'" + field + "' must be an integer, got " + describe(t));
    }

    private int size(String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return 0;
        }
        long value = integer(field);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw error("'" + field + "' must be a number of pixels, got " + value);
        }
        return (int) value;
    }

    private double number(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        throw error("'" + field + "' must hold numbers, got " + describe(t));
    }

    private String text(String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        throw error("'" + field + "' must be a string, got " + describe(p.currentToken()));
    }

    private void expectArray(String field) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error("'" + field + "' must be a list, got " + describe(p.currentToken()));
        }
    }

    private void expectObject() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error("expected an object, got " + describe(p.currentToken()));
        }
    }

    private String describe(JsonToken t) throws IOException {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "the string \"" + abbreviate(p.getText()) + "\"";
            case VALUE_NULL -> "null";
            default -> p.getText();
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** The entry being read: {@code annotations[17] (id 42)}, or {@code null} at the top level. */
    private String where() {
        if (section == null || entry < 0) {
            return null;
        }
        return section.equals("annotations") ? parsed.describe(entry) : section + "[" + entry + "]";
    }

    /** An error at the parser's place: the entry and the line. */
    private FormatException error(String message) {
        String where = where();
        String line = "line " + p.currentTokenLocation().getLineNr();
        return FormatException.at(fileName, where == null ? line : where + ", " + line, message);
    }

    /** An error found after the file was read: an annotation's image or category is not declared. */
    private FormatException resolveError(int k, String message) {
        return FormatException.at(fileName, "annotations[" + entries[k] + "] (id "
                + index.annotationId(firstAnnotation + k) + ")", message);
    }
}
