package org.labelbridge.format.datumaro;

import java.io.IOException;
import java.util.List;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Reads the subset files one after another. The categories of every file are read first (a
 * walk that stops at them), as items refer to labels by index and all subsets must agree.
 */
final class DatumaroReader implements DatasetReader {

    private final DatasetSource source;
    private final Problems problems;
    private final List<String> files;
    private final boolean pointClouds;
    private final Categories categories;
    private int nextFile;
    private SubsetReader current;

    /** {@code pointClouds}: whether items' point clouds are their media (Datumaro 3D), or not kept. */
    DatumaroReader(DatasetSource source, boolean pointClouds, Problems problems) throws IOException {
        this.source = source;
        this.pointClouds = pointClouds;
        this.problems = problems;
        this.files = DatumaroLayout.annotationFiles(source);
        if (files.isEmpty()) {
            throw new FormatException(source.describe(DatumaroLayout.ANNOTATIONS_DIR)
                    + ": no Datumaro annotation file (annotations/<subset>.json)");
        }
        this.categories = agreedCategories();
    }

    private Categories agreedCategories() throws IOException {
        Categories agreed = null;
        String agreedFile = null;
        for (String file : files) {
            Categories declared = SubsetReader.categories(source, file, problems);
            if (declared.equals(Categories.EMPTY)) {
                continue; // an empty subset may declare nothing
            }
            if (agreed == null) {
                agreed = declared;
                agreedFile = file;
            } else if (!agreed.equals(declared)) {
                throw FormatException.at(source.describe(file), "categories", "differ from those of "
                        + agreedFile + "; every subset file must declare the same categories");
            }
        }
        return agreed == null ? Categories.EMPTY : agreed;
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        while (true) {
            if (current == null) {
                if (nextFile >= files.size()) {
                    return null;
                }
                current = SubsetReader.open(source, files.get(nextFile++), categories, pointClouds, problems);
            }
            Item item = current.next();
            if (item != null) {
                return item;
            }
            current.close();
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
