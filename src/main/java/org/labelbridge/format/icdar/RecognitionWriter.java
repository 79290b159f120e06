package org.labelbridge.format.icdar;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Item;
import org.labelbridge.model.Tag;

/**
 * Writes one {@code gt.txt} per subset (spooled while items stream): a line per caption, an
 * image without captions as {@code <image>,}. An image with several captions gets several lines.
 * A tag with a {@code caption} attribute, as CVAT keeps ICDAR captions, is written as one.
 */
final class RecognitionWriter extends IcdarWriter {

    /** The attribute CVAT keeps an ICDAR caption in, on a tag. */
    static final String CAPTION_ATTRIBUTE = "caption";

    private final Map<String, Writer> files = new LinkedHashMap<>();

    RecognitionWriter(DatasetOutput output, Problems problems) {
        super(output, problems, IcdarTask.WORD_RECOGNITION, "ICDAR Recognition 1.0");
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "ICDAR");
        String folder = subsetFolder(item);
        Writer out = files.get(folder);
        if (out == null) {
            out = new OutputStreamWriter(output.deferred(folder + "/" + IcdarLayout.RECOGNITION_FILE), StandardCharsets.UTF_8);
            files.put(folder, out);
        }
        String image = imageFile(item);
        if (image.indexOf(',') >= 0) {
            problems.item(item.id(), "the image name has a comma, which ends the name in gt.txt: the item will not read back as written");
        }
        boolean any = false;
        for (Annotation a : item.annotations()) {
            String text = captionOf(item, a);
            if (text == null) {
                continue;
            }
            if (IcdarText.hasLineBreak(text)) {
                problems.changed(item.id(), a.kind(), "line breaks in the caption written as spaces: gt.txt has a line per caption");
                text = IcdarText.withoutLineBreaks(text);
            }
            IcdarText.writeLine(out, RecognitionLine.format(image, text));
            any = true;
        }
        if (!any) {
            IcdarText.writeLine(out, RecognitionLine.format(image, null));
        }
        copyImage(item, image);
    }

    /** The caption's text, or a tag's {@code caption} attribute; null (reported) for anything else. */
    private String captionOf(Item item, Annotation a) {
        if (a instanceof Caption caption) {
            reportLost(item, a, Set.of());
            return caption.text();
        }
        Object attribute = a.attributes().get(CAPTION_ATTRIBUTE);
        if (a instanceof Tag && attribute != null) {
            reportLost(item, a, Set.of(CAPTION_ATTRIBUTE));
            problems.changed(item.id(), a.kind(), "tag with a caption attribute written as a caption");
            return text(attribute);
        }
        problems.dropped(item.id(), a.kind(), "ICDAR Recognition 1.0 holds only captions (or tags with a caption attribute)");
        return null;
    }

    @Override
    public void finish() throws IOException {
        for (Writer out : files.values()) {
            out.close();
        }
    }
}
