package org.labelbridge.format.voc;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.AnnotationKind;

/** PASCAL VOC 1.1: boxes with parts, actions and attributes, instance masks, image-level labels, subsets. */
public final class VocFormat implements Format {

    // Polygons are painted into the mask PNGs; z-order decides which instance is on top there.
    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("voc", "PASCAL VOC 1.1", true, true,
            EnumSet.of(AnnotationKind.BBOX, AnnotationKind.TAG, AnnotationKind.MASK, AnnotationKind.POLYGON),
            EnumSet.of(Feature.ANNOTATION_ATTRIBUTES, Feature.GROUPS, Feature.SUBSETS, Feature.Z_ORDER), "");

    private static final Pattern VOC_ROOT = Pattern.compile("<annotation[\\s>]");
    /** The lists that name items with boxes or labels; Segmentation alone holds only masks. */
    private static final List<String> ITEM_LISTS = List.of(VocLayout.MAIN, VocLayout.LAYOUT, VocLayout.ACTION);

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Strong with ImageSets lists and {@code Annotations/} XML rooted at {@code <annotation>};
     * medium with lists alone (classification); weak for VOC-looking XML (with {@code <bndbox>})
     * without lists, the flat layout CVAT accepts, which LabelMe-like files must not pass for.
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        boolean lists = ITEM_LISTS.stream().anyMatch(dir ->
                source.filesIn(VocLayout.IMAGE_SETS + dir).stream().anyMatch(p -> p.endsWith(".txt")));
        String annotationDir = VocLayout.annotationDir(source);
        String xml = source.filesUnder(annotationDir).stream()
                .filter(p -> p.endsWith(".xml")).findFirst().orElse(null);
        String head = xml == null ? "" : TextFiles.head(source, xml, 4096);
        boolean vocXml = VOC_ROOT.matcher(head).find();
        if (vocXml && lists && !annotationDir.isEmpty()) {
            return Detection.strong("ImageSets lists and " + xml);
        }
        if (lists) {
            return Detection.medium("ImageSets lists" + (vocXml ? " and " + xml : " without Annotations/*.xml"));
        }
        if (vocXml && head.contains("<bndbox>")) {
            return Detection.weak(xml + " looks like VOC (<bndbox>), but there are no ImageSets lists");
        }
        return Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new VocReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new VocWriter(output, problems);
    }
}
