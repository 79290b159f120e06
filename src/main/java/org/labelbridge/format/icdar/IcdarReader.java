package org.labelbridge.format.icdar;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * Walks the subsets of an ICDAR dataset one annotation file at a time; a task reads each file
 * into its items. ICDAR has no labels. Images of a subset that no annotation file names are
 * not items (as in Datumaro) and are reported.
 */
abstract class IcdarReader implements DatasetReader {

    protected final DatasetSource source;
    protected final Problems problems;
    private final IcdarTask task;
    private final List<String> subsetFolders;
    private int subsetIndex = -1;
    private String subsetFolder;
    private Map<String, String> images;
    private Set<String> usedImages;
    private List<String> files;
    private int fileIndex;
    private final Deque<Item> pending = new ArrayDeque<>();

    IcdarReader(DatasetSource source, Problems problems, IcdarTask task) throws IOException {
        this.source = source;
        this.problems = problems;
        this.task = task;
        this.subsetFolders = IcdarLayout.subsetFolders(source, task).stream()
                .filter(folder -> !IcdarLayout.annotationFiles(source, task, folder).isEmpty())
                .toList();
        if (subsetFolders.isEmpty()) {
            String root = IcdarLayout.root(source, task);
            throw new FormatException(source.describe(root) + ": expected subset folders with "
                    + (task == IcdarTask.WORD_RECOGNITION ? "a gt.txt" : ".txt annotation files")
                    + " (" + task.folder() + "/<subset>/...)");
        }
    }

    @Override
    public Categories categories() {
        return Categories.EMPTY;
    }

    @Override
    public Item next() throws IOException {
        while (pending.isEmpty()) {
            if (files != null && fileIndex < files.size()) {
                pending.addAll(read(IcdarLayout.subsetOf(subsetFolder), subsetFolder, files.get(fileIndex++)));
                continue;
            }
            if (files != null) {
                reportUnusedImages();
            }
            if (++subsetIndex >= subsetFolders.size()) {
                files = null;
                return null;
            }
            subsetFolder = subsetFolders.get(subsetIndex);
            images = IcdarLayout.images(source, subsetFolder);
            usedImages = new HashSet<>();
            files = IcdarLayout.annotationFiles(source, task, subsetFolder);
            fileIndex = 0;
        }
        return pending.poll();
    }

    /** The items of one annotation file. */
    protected abstract List<Item> read(String subset, String subsetFolder, String file) throws IOException;

    /** The image of an item: its path in the subset's {@code images/} and its size from the header. */
    protected Media media(String itemId) throws IOException {
        return media(itemId, null);
    }

    /** The image of an item, {@code exactPath} when that file exists (else found by the item id). */
    protected Media media(String itemId, String exactPath) throws IOException {
        String path = exactPath != null && source.exists(exactPath) ? exactPath : images.get(itemId);
        if (path == null) {
            return Media.NONE;
        }
        usedImages.add(itemId);
        return ImageHeaders.media(source, path);
    }

    private void reportUnusedImages() {
        TreeSet<String> unused = new TreeSet<>(images.keySet());
        unused.removeAll(usedImages);
        if (!unused.isEmpty()) {
            List<String> examples = new ArrayList<>();
            for (String id : unused) {
                examples.add(images.get(id));
                if (examples.size() == 3) {
                    break;
                }
            }
            problems.dataset(unused.size() + " image(s) in " + IcdarLayout.join(subsetFolder, IcdarLayout.IMAGES_DIR)
                    + " have no annotations in the " + task.folder() + " files and are not read ("
                    + String.join(", ", examples) + (unused.size() > 3 ? ", ..." : "") + ")");
        }
    }
}
