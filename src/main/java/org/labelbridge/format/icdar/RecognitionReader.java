package org.labelbridge.format.icdar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Item;

/** Reads a subset's {@code gt.txt}: one caption per line, lines of one image joined into one item. */
final class RecognitionReader extends IcdarReader {

    RecognitionReader(DatasetSource source, Problems problems) throws IOException {
        super(source, problems, IcdarTask.WORD_RECOGNITION);
    }

    @Override
    protected List<Item> read(String subset, String subsetFolder, String file) throws IOException {
        Map<String, String> imageOfItem = new LinkedHashMap<>();
        Map<String, List<Annotation>> captions = new LinkedHashMap<>();
        IcdarText.forEachLine(source, file, (line, number) -> {
            if (line.isBlank()) {
                return;
            }
            RecognitionLine parsed;
            try {
                parsed = RecognitionLine.parse(line);
            } catch (MalformedLine e) {
                throw IcdarText.lineError(source, file, number, e.getMessage());
            }
            String id = ImageFiles.stripExtension(parsed.image());
            imageOfItem.putIfAbsent(id, parsed.image());
            List<Annotation> annotations = captions.computeIfAbsent(id, k -> new ArrayList<>());
            if (parsed.caption() != null) {
                annotations.add(new Caption(AnnotationInfo.EMPTY, parsed.caption()));
            }
        });
        String imagesFolder = IcdarLayout.join(subsetFolder, IcdarLayout.IMAGES_DIR);
        List<Item> items = new ArrayList<>(captions.size());
        for (Map.Entry<String, List<Annotation>> entry : captions.entrySet()) {
            String id = entry.getKey();
            String image = imagesFolder + "/" + imageOfItem.get(id);
            items.add(new Item(id, subset, media(id, image), entry.getValue()));
        }
        return items;
    }
}
