package org.labelbridge.format.labelstudio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Reads the tasks files twice, one task at a time: first for the label names (categories come
 * before items), then for the items. Memory holds one task, never the file.
 */
final class LabelStudioReader implements DatasetReader {

    private final DatasetSource source;
    private final List<String> files;
    private final Categories categories;
    private final TaskReader tasks;
    private int file = -1;
    private TaskStream stream;
    private int index;

    LabelStudioReader(DatasetSource source, List<String> files, Problems problems) throws IOException {
        this.source = source;
        this.files = files;
        Map<String, Integer> labels = new LinkedHashMap<>();
        for (String f : source.files()) {
            if (ConfigLabels.isConfig(source, f)) {
                ConfigLabels.read(source, f, name -> labels.putIfAbsent(name, labels.size()));
            }
        }
        int tasks = 0;
        int imageTasks = 0;
        for (String f : files) {
            try (TaskStream all = new TaskStream(source, f)) {
                for (JsonNode task = all.next(); task != null; task = all.next()) {
                    tasks++;
                    if (TaskReader.imageReference(task.path("data")) != null) {
                        imageTasks++;
                        TaskReader.labelNames(task, name -> labels.putIfAbsent(name, labels.size()));
                    }
                }
            }
        }
        if (tasks > 0 && imageTasks == 0) {
            throw new FormatException(String.join(", ", files) + ": none of its " + tasks + " Label Studio tasks has"
                    + " an image (data.image): labelbridge converts image tasks");
        }
        this.categories = Categories.ofNames(new ArrayList<>(labels.keySet()));
        this.tasks = new TaskReader(source, problems, new ImageReferences(source), labels);
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        while (true) {
            if (stream == null) {
                if (++file >= files.size()) {
                    return null;
                }
                stream = new TaskStream(source, files.get(file));
                index = 0;
            }
            JsonNode task = stream.next();
            if (task == null) {
                stream.close();
                stream = null;
                continue;
            }
            Item item = tasks.read(task, source.describe(files.get(file)) + ", task[" + index++ + "]");
            if (item != null) {
                return item;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }
}
