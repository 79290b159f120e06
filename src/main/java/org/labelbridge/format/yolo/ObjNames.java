package org.labelbridge.format.yolo;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Categories;

/** obj.names: one label per non-blank line; a label id is its position among them. */
final class ObjNames {

    private ObjNames() {
    }

    static Categories read(DatasetSource source, String path, Problems problems) throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        try (BufferedReader in = TextFiles.open(source, path)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String name = line.strip();
                if (name.isEmpty()) {
                    continue;
                }
                Integer first = lineOf.putIfAbsent(name, number);
                if (first != null) {
                    // Darknet allows it, the model does not; renaming keeps every later id right.
                    String unique = name + "_" + number;
                    problems.dataset(source.describe(path) + ", line " + number + ": label '" + name
                            + "' is also on line " + first + "; read as '" + unique + "'");
                    name = unique;
                    lineOf.putIfAbsent(name, number);
                }
                names.add(name);
            }
        }
        return Categories.ofNames(names);
    }
}
