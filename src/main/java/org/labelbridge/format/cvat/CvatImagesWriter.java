package org.labelbridge.format.cvat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.SafeXml;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;

/**
 * Writes CVAT for images 1.1 as CVAT exports a project: {@code annotations.xml} (a meta with
 * one task per subset, then one {@code <image>} per item, in order) and the images under
 * {@code images/<subset>/}. The {@code <image>} elements are spooled to a temporary file while
 * items stream, because the meta before them lists the subsets and the attributes the items
 * turn out to use; at the end the meta and the spooled images go into {@code annotations.xml}.
 */
final class CvatImagesWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private final Map<String, TaskFrames> subsets = new LinkedHashMap<>();
    private Categories categories;
    private AttributeDeclarations declarations;
    private CvatShapes shapes;
    private ImageSpool spool;
    private IndentingXml images;

    CvatImagesWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
        this.declarations = new AttributeDeclarations(categories);
        this.shapes = new CvatShapes(categories, declarations, problems, "CVAT for images 1.1");
        CvatMetaWriter.reportLostParents(categories, problems);
        spool = new ImageSpool();
        images = spool.xml();
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "CVAT for images");
        TaskFrames frames = subsets.computeIfAbsent(item.subset(),
                s -> new TaskFrames(s, subsets.size(), "the <image> id"));
        String extension = item.media().extension();
        String name = item.id() + (extension.isEmpty() ? ".jpg" : extension);
        images.start(CvatLayout.IMAGE);
        images.attribute("id", Long.toString(frames.frameOf(item, problems)));
        images.attribute("name", name);
        images.attribute("subset", item.subset());
        images.attribute("task_id", Integer.toString(frames.taskId()));
        Media media = item.media();
        if (!media.hasSize()) {
            media = sizeFromMasks(item, problems);
        }
        if (media.hasSize()) {
            images.attribute("width", Integer.toString(media.width()));
            images.attribute("height", Integer.toString(media.height()));
        } else {
            problems.item(item.id(), "image size unknown: the <image> has no width and height");
        }
        for (Annotation annotation : item.annotations()) {
            annotation(item.id(), annotation);
        }
        images.end();
        if (output.keepsMedia() && item.media().hasPath()) {
            String target = CvatLayout.IMAGES_DIR + "/" + item.subset() + "/" + name;
            if (!output.copyMedia(item.media(), target)) {
                problems.item(item.id(), "image " + item.media().path() + " is not in the source; not copied");
            }
        }
    }

    /** A mask covers the whole image: without a known size, the first mask's is the image's. */
    static Media sizeFromMasks(Item item, Problems problems) {
        for (Annotation annotation : item.annotations()) {
            if (annotation instanceof Mask mask && mask.rle().width() > 0 && mask.rle().height() > 0) {
                problems.item(item.id(), "image size unknown: taken from its mask, "
                        + mask.rle().width() + "x" + mask.rle().height());
                return item.media().withSize(mask.rle().width(), mask.rle().height());
            }
        }
        return item.media();
    }

    private void annotation(String itemId, Annotation annotation) throws IOException {
        CvatShape shape = shapes.convert(itemId, annotation);
        if (shape == null) {
            return;
        }
        images.start(shape.element());
        images.attribute("label", shape.label());
        if (shape.source() != null) {
            images.attribute(CvatLayout.SOURCE, shape.source());
        }
        if (!shape.isTag()) {
            images.attribute(CvatLayout.OCCLUDED, shape.occluded() ? "1" : "0");
        }
        CvatShapes.writeFields(images, shape.geometry());
        if (!shape.isTag()) {
            images.attribute("z_order", Integer.toString(shape.zOrder()));
        }
        if (shape.group() != 0) {
            images.attribute("group_id", Integer.toString(shape.group()));
        }
        for (CvatShape.Node node : shape.nodes()) {
            images.start(CvatLayout.POINTS);
            images.attribute("label", node.label());
            if (node.source() != null) {
                images.attribute(CvatLayout.SOURCE, node.source());
            }
            images.attribute("outside", node.visibility() == Points.ABSENT ? "1" : "0");
            images.attribute(CvatLayout.OCCLUDED, node.visibility() == Points.HIDDEN ? "1" : "0");
            images.attribute("points", node.points());
            CvatShapes.writeAttributes(images, node.attributes());
            images.end();
        }
        CvatShapes.writeAttributes(images, shape.attributes());
        images.end();
    }

    @Override
    public void finish() throws IOException {
        try (ImageSpool images = spool; OutputStream out = output.deferred(CvatLayout.ANNOTATIONS_FILE)) {
            XMLStreamWriter head = SafeXml.writer(out);
            try {
                head.writeStartDocument("utf-8", "1.0");
            } catch (XMLStreamException e) {
                throw new IOException("cannot write CVAT XML: " + e.getMessage(), e);
            }
            IndentingXml xml = new IndentingXml(head, 0);
            xml.start(CvatLayout.ROOT);
            xml.leaf("version", CvatLayout.VERSION);
            List<CvatMetaWriter.SubsetTask> tasks = new ArrayList<>();
            for (TaskFrames subset : subsets.values()) {
                tasks.add(subset.task(false, null));
            }
            new CvatMetaWriter(xml, categories, declarations, problems).write(tasks);
            xml.flush(); // the root stays open here: the spooled images and its end tag follow
            images.appendTo(out);
        }
    }
}
