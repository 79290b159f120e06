package org.labelbridge.format.market1501;

import java.io.IOException;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.TextFiles;

/** Market-1501 1.0: images named by person, camera, track, frame and box; no annotations. */
public final class Market1501Format implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("market1501", "Market-1501 1.0", true, true,
            Set.of(), Set.of(Feature.ITEM_ATTRIBUTES, Feature.SUBSETS), "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Strong when an image in {@code query/} or {@code bounding_box_*}, or the first line of an
     * {@code images_*.txt} list, carries a Market-1501 name; medium for a list of such folders'
     * images; weak on the folder names alone.
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        String weak = null;
        for (String file : source.filesIn("")) {
            if (Market1501Files.isList(file)) {
                String first = TextFiles.head(source, file, 512).strip().split("\n", 2)[0].strip();
                if (Market1501Files.subsetOfFolder(first.substring(0, Math.max(0, first.indexOf('/')))) != null) {
                    return named(first) ? Detection.strong(file + " (lists " + first + ")")
                            : Detection.medium(file + " (lists " + first + ")");
                }
            }
        }
        for (String folder : source.foldersIn("")) {
            if (Market1501Files.subsetOfFolder(folder) == null) {
                continue;
            }
            for (String image : source.filesIn(folder)) {
                if (ImageFiles.isImage(image) && named(image)) {
                    return Detection.strong(image + " (a Market-1501 name)");
                }
            }
            weak = weak == null ? folder + "/" : weak;
        }
        return weak == null ? Detection.NONE : Detection.weak(weak);
    }

    private static boolean named(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String stem = name.substring(0, name.length() - ImageFiles.extension(name).length());
        return Market1501Name.parse(stem) != null;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new Market1501Reader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new Market1501Writer(output, problems);
    }
}
