package org.labelbridge.format.icdar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.model.Polygon;

/** Reads one {@code gt_<image>.txt} into one item: boxes and polygons with their {@code text}. */
final class LocalizationReader extends IcdarReader {

    LocalizationReader(DatasetSource source, Problems problems) throws IOException {
        super(source, problems, IcdarTask.TEXT_LOCALIZATION);
    }

    @Override
    protected List<Item> read(String subset, String subsetFolder, String file) throws IOException {
        String id = IcdarLayout.itemId(IcdarTask.TEXT_LOCALIZATION, subsetFolder, file);
        List<Annotation> annotations = new ArrayList<>();
        IcdarText.forEachLine(source, file, (line, number) -> {
            if (line.isBlank()) {
                return;
            }
            LocalizationLine parsed;
            try {
                parsed = LocalizationLine.parse(line);
            } catch (MalformedLine e) {
                throw IcdarText.lineError(source, file, number, e.getMessage());
            }
            AnnotationInfo info = parsed.text() == null ? AnnotationInfo.EMPTY
                    : AnnotationInfo.EMPTY.withAttributes(Map.of(IcdarAttributes.TEXT, parsed.text()));
            double[] c = parsed.coordinates();
            annotations.add(parsed.isBox() ? Bbox.fromCorners(info, c[0], c[1], c[2], c[3]) : new Polygon(info, c));
        });
        return List.of(new Item(id, subset, media(id), annotations));
    }
}
