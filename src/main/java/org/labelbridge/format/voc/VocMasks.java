package org.labelbridge.format.voc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.ColorMap;
import org.labelbridge.format.common.pixels.MaskSplitter;
import org.labelbridge.format.common.pixels.RunImage;
import org.labelbridge.format.common.pixels.VocMaskMaps;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rle;

/**
 * Reads an item's {@code SegmentationClass/<id>.png} and {@code SegmentationObject/<id>.png}
 * into masks, as Datumaro does: one mask per instance, labelled by the class under most of its
 * pixels, with group = instance id (so instance i joins the i-th object's box); with a class
 * map alone, one mask per class present.
 */
final class VocMasks {

    /** The item's masks, and its media with the size the masks give when the XML gave none. */
    record Read(List<Annotation> masks, Media media) {
    }

    private final DatasetSource source;
    private final Categories categories;
    private final Problems problems;
    private final ColorMap colours;
    private final String colourSource;

    VocMasks(DatasetSource source, Categories categories, Problems problems) {
        this.source = source;
        this.categories = categories;
        this.problems = problems;
        this.colours = ColorMap.of(categories.colors());
        this.colourSource = source.exists(VocLayout.LABELMAP) ? VocLayout.LABELMAP
                : "the VOC colours (there is no " + VocLayout.LABELMAP + ")";
        boolean classMasks = source.filesUnder(VocLayout.CLASS_MASKS).stream()
                .anyMatch(p -> p.toLowerCase(Locale.ROOT).endsWith(VocLayout.MASK_EXT));
        for (int shadowed : classMasks ? colours.shadowed() : List.<Integer>of()) {
            int owner = colours.indexOf(colours.colour(shadowed));
            problems.dataset(VocLayout.LABELMAP + ": label '" + categories.nameOf(shadowed) + "' has the colour of '"
                    + categories.nameOf(owner) + "'; its mask pixels read as '" + categories.nameOf(owner) + "'");
        }
    }

    /** Mask files of items that no ImageSets list names are not read; says so. */
    void reportUnlisted(Collection<? extends Set<String>> listed) {
        Set<String> skipped = new TreeSet<>();
        for (String dir : List.of(VocLayout.CLASS_MASKS, VocLayout.INSTANCE_MASKS)) {
            for (String path : source.filesUnder(dir)) {
                if (path.toLowerCase(Locale.ROOT).endsWith(VocLayout.MASK_EXT)) {
                    String id = VocLayout.stem(path, dir);
                    if (listed.stream().noneMatch(ids -> ids.contains(id))) {
                        skipped.add(id);
                    }
                }
            }
        }
        if (!skipped.isEmpty()) {
            problems.dataset("masks of " + skipped.size() + " item(s) in no ImageSets list were not read: "
                    + skipped.stream().limit(5).collect(Collectors.joining(", ")) + (skipped.size() > 5 ? ", ..." : ""));
        }
    }

    Read read(String id, Media media) throws IOException {
        String classPath = VocLayout.CLASS_MASKS + id + VocLayout.MASK_EXT;
        String instancePath = VocLayout.INSTANCE_MASKS + id + VocLayout.MASK_EXT;
        RunImage classes = source.exists(classPath) ? classMap(classPath) : null;
        RunImage instances = source.exists(instancePath) ? instanceMap(instancePath) : null;
        if (classes == null && instances == null) {
            return new Read(List.of(), media);
        }
        if (classes != null && instances != null
                && (classes.height() != instances.height() || classes.width() != instances.width())) {
            throw FormatException.at(source.describe(instancePath), null, "mask is " + size(instances)
                    + " but " + classPath + " is " + size(classes));
        }
        RunImage sized = classes != null ? classes : instances;
        String sizedPath = classes != null ? classPath : instancePath;
        if (media.hasSize() && (media.width() != sized.width() || media.height() != sized.height())) {
            throw FormatException.at(source.describe(sizedPath), null, "mask is " + size(sized) + " but the image is "
                    + media.width() + "x" + media.height() + " (" + VocLayout.ANNOTATIONS + id + ".xml)");
        }
        List<Annotation> masks = new ArrayList<>();
        if (instances != null) {
            for (MaskSplitter.Instance instance : MaskSplitter.instances(instances, classes)) {
                Integer label = classes == null ? null : instance.classValue();
                if (instance.mixedClasses()) {
                    problems.item(id, "instance " + instance.id() + " in " + instancePath + " covers pixels of labels "
                            + instance.classPixels().keySet().stream().map(categories::nameOf).toList()
                            + " in " + classPath + ": labelled '" + categories.nameOf(label) + "' (most pixels)");
                }
                masks.add(new Mask(new AnnotationInfo(label, 0, instance.id(), 0, Map.of(), null), instance.mask()));
            }
        } else {
            for (Map.Entry<Integer, Rle> e : MaskSplitter.masks(classes).entrySet()) {
                masks.add(new Mask(AnnotationInfo.of(e.getKey()), e.getValue()));
            }
        }
        return new Read(masks, media.hasSize() ? media : media.withSize(sized.width(), sized.height()));
    }

    private RunImage classMap(String path) throws IOException {
        try (InputStream in = source.open(path)) {
            String file = source.describe(path);
            return VocMaskMaps.classes(VocMaskMaps.read(in, file), colours, categories.labels().size(), file,
                    colourSource);
        }
    }

    private RunImage instanceMap(String path) throws IOException {
        try (InputStream in = source.open(path)) {
            return VocMaskMaps.instances(VocMaskMaps.read(in, source.describe(path)));
        }
    }

    private static String size(RunImage image) {
        return image.width() + "x" + image.height();
    }
}
