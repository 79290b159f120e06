package org.labelbridge.format.imagenet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Tag;

/**
 * Reads the folder layout: every image one level deep is an item tagged with its folder
 * (id {@code <folder>/<name>}, as Datumaro names it); images in the root or in
 * {@code no_label/} are unlabelled.
 */
final class ImageNetFolderReader implements DatasetReader {

    private final Categories categories;
    private final Iterator<String> files;
    private final Problems problems;

    ImageNetFolderReader(DatasetSource source, Problems problems) {
        this.problems = problems;
        List<String> labels = new ArrayList<>();
        for (String folder : source.foldersIn("")) {
            if (!folder.equals(ImageNetFiles.NO_LABEL)
                    && source.filesIn(folder).stream().anyMatch(ImageFiles::isImage)) {
                labels.add(folder);
            }
        }
        this.categories = Categories.ofNames(labels);
        this.files = source.files().iterator();
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() {
        while (files.hasNext()) {
            String path = files.next();
            String[] parts = path.split("/");
            if (parts.length > 2 || !ImageFiles.isImage(path)) {
                problems.dataset("skipped " + path + ": ImageNet folders hold only images, at most one folder deep");
                continue;
            }
            Media media = new Media(path, null, null);
            String stem = ImageNetFiles.stem(path);
            if (parts.length == 1) {
                return new Item(stem, null, media, List.of());
            }
            String folder = parts[0];
            String id = folder + "/" + stem;
            if (folder.equals(ImageNetFiles.NO_LABEL)) {
                return new Item(id, null, media, List.of());
            }
            return new Item(id, null, media, List.of(new Tag(AnnotationInfo.of(categories.indexOf(folder)))));
        }
        return null;
    }
}
