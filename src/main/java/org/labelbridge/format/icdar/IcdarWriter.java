package org.labelbridge.format.icdar;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * What the three ICDAR writers share: subset folders under the task folder, images copied to
 * {@code <subset>/images/}, and reports for what ICDAR has no place for (labels, other
 * attributes, other annotation kinds).
 */
abstract class IcdarWriter implements DatasetWriter {

    protected final DatasetOutput output;
    protected final Problems problems;
    protected final IcdarTask task;
    private final String formatName;
    private final Map<String, String> folderOfSubset = new HashMap<>();
    private Categories categories = Categories.EMPTY;

    IcdarWriter(DatasetOutput output, Problems problems, IcdarTask task, String formatName) {
        this.output = output;
        this.problems = problems;
        this.task = task;
        this.formatName = formatName;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
    }

    @Override
    public void finish() throws IOException {
    }

    /** The item's subset folder; a subset name that is not one path component is made one, and reported. */
    protected String subsetFolder(Item item) {
        return folderOfSubset.computeIfAbsent(item.subset(), subset -> {
            String name = subset.replaceAll("[/\\\\]", "_");
            if (name.equals(".") || name.equals("..")) {
                name = name.replace('.', '_');
            }
            if (!name.equals(subset)) {
                problems.dataset("subset '" + subset + "' written as '" + name + "': a subset is one folder");
            }
            return IcdarLayout.subsetFolder(task, name);
        });
    }

    /** Copies the item's image to {@code <subset>/images/<file>}. */
    protected void copyImage(Item item, String file) throws IOException {
        output.copyMedia(item.media(), subsetFolder(item) + "/" + IcdarLayout.IMAGES_DIR + "/" + file);
    }

    /** The image file name of an item: its id and the source image's extension. */
    protected static String imageFile(Item item) {
        return item.id() + IcdarLayout.imageExtension(item.media());
    }

    /** Reports a label and attributes other than {@code kept} that the annotation loses. */
    protected void reportLost(Item item, Annotation a, Set<String> kept) {
        if (a.label() != null) {
            problems.changed(item.id(), a.kind(), "label '" + categories.nameOf(a.label()) + "' not kept: "
                    + formatName + " annotations have no labels");
        }
        Set<String> lost = new TreeSet<>(a.attributes().keySet());
        lost.removeAll(kept);
        if (!lost.isEmpty()) {
            problems.changed(item.id(), a.kind(), "attribute(s) " + lost + " not kept: " + formatName + " keeps "
                    + (kept.isEmpty() ? "none" : String.join(", ", new TreeSet<>(kept))));
        }
    }

    /** An attribute as text: strings as they are, numbers without a needless {@code .0}. */
    protected static String text(Object value) {
        if (value instanceof Double d) {
            return NumberText.of(d);
        }
        return String.valueOf(value);
    }
}
