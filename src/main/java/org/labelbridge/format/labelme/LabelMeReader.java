package org.labelbridge.format.labelme;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;

/** Yields one item per XML, in path order; each file is parsed only when its item is reached. */
final class LabelMeReader implements DatasetReader {

    /** The attributes every object has (Datumaro's label-category attributes). */
    static final List<String> COMMON_ATTRIBUTES = List.of(LabelMeLayout.OCCLUDED, LabelMeLayout.USERNAME);

    private final DatasetSource source;
    private final Problems problems;
    private final LabelMeIndex index;
    private final Categories categories;
    private final Map<String, Integer> labels = new HashMap<>();
    private int next;

    LabelMeReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        this.index = LabelMeIndex.build(source, problems);
        this.categories = new Categories(index.labels().stream().map(Label::named).toList(), COMMON_ATTRIBUTES,
                Map.of(), Map.of());
        for (int i = 0; i < index.labels().size(); i++) {
            labels.put(index.labels().get(i), i);
        }
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        if (next >= index.documents().size()) {
            return null;
        }
        return LabelMeDocument.read(source, index.documents().get(next++), labels, problems);
    }
}
