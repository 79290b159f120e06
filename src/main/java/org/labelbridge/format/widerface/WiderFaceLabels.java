package org.labelbridge.format.widerface;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.SafeJson;
import org.labelbridge.format.common.TextFiles;

/**
 * The label list, found as Datumaro finds it: {@code dataset_meta.json}, else
 * {@code labels.txt}, else {@code face} plus the labels the event folders name.
 */
final class WiderFaceLabels {

    private WiderFaceLabels() {
    }

    static List<String> read(DatasetSource source) throws IOException {
        if (source.exists(WiderFaceFiles.META_FILE)) {
            return fromMeta(source, WiderFaceFiles.META_FILE);
        }
        if (source.exists(WiderFaceFiles.LABELS_FILE)) {
            return fromLabelsFile(source);
        }
        List<String> labels = new ArrayList<>();
        labels.add(WiderFaceFiles.DEFAULT_LABEL);
        TreeSet<String> folderLabels = new TreeSet<>();
        for (String subsetDir : source.foldersIn("")) {
            if (subsetDir.startsWith(WiderFaceFiles.SUBSET_DIR_PREFIX)) {
                for (String folder : source.foldersIn(subsetDir + "/" + WiderFaceFiles.IMAGES_DIR)) {
                    if (!folder.equals(WiderFaceFiles.NO_LABEL)) {
                        folderLabels.add(WiderFaceFiles.folderLabel(folder));
                    }
                }
            }
        }
        folderLabels.remove(WiderFaceFiles.DEFAULT_LABEL);
        labels.addAll(folderLabels);
        return labels;
    }

    private static List<String> fromLabelsFile(DatasetSource source) throws IOException {
        Set<String> labels = new LinkedHashSet<>();
        try (BufferedReader in = TextFiles.open(source, WiderFaceFiles.LABELS_FILE)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    labels.add(line.strip());
                }
            }
        }
        return List.copyOf(labels);
    }

    /** Datumaro's meta file: {@code {"labels": [names]}} or {@code {"label_map": {"0": name}}}. */
    private static List<String> fromMeta(DatasetSource source, String file) throws IOException {
        List<String> labels = new ArrayList<>();
        try (InputStream in = source.open(file); JsonParser json = SafeJson.FACTORY.createParser(in)) {
            try {
                readMeta(json, labels, source.describe(file));
            } catch (JsonProcessingException e) {
                throw SafeJson.error(source.describe(file), e, json);
            }
        }
        return labels;
    }

    private static void readMeta(JsonParser json, List<String> labels, String file) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw FormatException.at(file, null, "expected a JSON object");
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("labels") && value == JsonToken.START_ARRAY) {
                for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                    if (t != JsonToken.VALUE_STRING) {
                        throw FormatException.at(file, "line " + json.currentLocation().getLineNr(),
                                "expected label names in \"labels\"");
                    }
                    addOnce(labels, json.getText());
                }
            } else if (field.equals("label_map") && value == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    json.nextToken();
                    addOnce(labels, json.getText());
                }
            } else {
                json.skipChildren();
            }
        }
    }

    private static void addOnce(List<String> labels, String label) {
        if (!labels.contains(label)) {
            labels.add(label);
        }
    }
}
