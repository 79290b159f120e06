package org.labelbridge.format.icdar;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.MaskSplitter;
import org.labelbridge.format.common.pixels.RunImage;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rle;

/**
 * Reads one {@code <image>_GT.txt} and its {@code <image>_GT.bmp} into one item: a mask per
 * character, the pixels of its colour. Characters of a word (lines between blank lines) share
 * a group; a word of one character has none (group 0), as in Datumaro.
 */
final class SegmentationReader extends IcdarReader {

    private static final int WHITE = 0xFFFFFF;

    private record Glyph(SegmentationLine line, int number, int group) {
    }

    SegmentationReader(DatasetSource source, Problems problems) throws IOException {
        super(source, problems, IcdarTask.TEXT_SEGMENTATION);
    }

    @Override
    protected List<Item> read(String subset, String subsetFolder, String file) throws IOException {
        String id = IcdarLayout.itemId(IcdarTask.TEXT_SEGMENTATION, subsetFolder, file);
        List<Glyph> characters = characters(file);
        Media media = media(id);
        String bitmap = IcdarLayout.join(subsetFolder, id + IcdarLayout.SEGMENTATION_SUFFIX + IcdarLayout.BITMAP_EXT);
        if (!source.exists(bitmap)) {
            if (!characters.isEmpty()) {
                problems.dropped(id, AnnotationKind.MASK, characters.size() + " character(s) of " + source.describe(file)
                        + " not read: there is no " + bitmap + " with their pixels");
            }
            return List.of(new Item(id, subset, media, List.of()));
        }
        MaskImage image;
        try (InputStream in = source.open(bitmap)) {
            image = MaskImages.read(in, source.describe(bitmap));
        }
        if (!media.hasSize()) {
            media = new Media(media.path(), image.width(), image.height());
        }
        return List.of(new Item(id, subset, media, masks(id, characters, image, bitmap)));
    }

    /** The characters of the file in order, each with its word's group. */
    private List<Glyph> characters(String file) throws IOException {
        List<SegmentationLine> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        int[] group = {1};
        int[] inGroup = {0};
        IcdarText.forEachLine(source, file, (line, number) -> {
            if (line.isBlank()) {
                if (inGroup[0] == 1) {
                    groups.set(groups.size() - 1, 0);
                } else {
                    group[0]++;
                }
                inGroup[0] = 0;
                return;
            }
            try {
                lines.add(SegmentationLine.parse(line));
            } catch (MalformedLine e) {
                throw IcdarText.lineError(source, file, number, e.getMessage());
            }
            numbers.add(number);
            groups.add(group[0]);
            inGroup[0]++;
        });
        if (inGroup[0] == 1) {
            groups.set(groups.size() - 1, 0);
        }
        List<Glyph> characters = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            characters.add(new Glyph(lines.get(i), numbers.get(i), groups.get(i)));
        }
        return characters;
    }

    private List<Annotation> masks(String id, List<Glyph> characters, MaskImage image, String bitmap)
            throws FormatException {
        Map<Integer, Integer> indexOfColour = new HashMap<>();
        indexOfColour.put(WHITE, 0);
        for (int i = 0; i < characters.size(); i++) {
            indexOfColour.put(MaskImage.pack(characters.get(i).line().colour()), i + 1); // a repeated colour: the last line wins
        }
        RunImage samples = image.runs();
        RunImage.Builder map = new RunImage.Builder(image.height(), image.width());
        long unknown = 0;
        try {
            for (int y = 0; y < image.height(); y++) {
                for (int k = 0; k < samples.runs(y); k++) {
                    Integer index = indexOfColour.get(image.colourOf(samples.runValue(y, k)));
                    if (index == null) {
                        unknown += samples.runEnd(y, k) - samples.runStart(y, k);
                    }
                    map.run(samples.runEnd(y, k), index == null ? 0 : index);
                }
                map.endRow();
            }
        } catch (IllegalStateException e) {
            throw FormatException.at(source.describe(bitmap), null, e.getMessage());
        }
        if (unknown > 0) {
            problems.item(id, unknown + " pixel(s) of " + bitmap + " have a colour that no character line names:"
                    + " read as background");
        }
        SortedMap<Integer, Rle> masks = MaskSplitter.masks(map.build());
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 0; i < characters.size(); i++) {
            Glyph c = characters.get(i);
            Rle rle = masks.get(i + 1);
            if (rle == null) {
                problems.dropped(id, AnnotationKind.MASK, "character \"" + c.line().text() + "\" (line " + c.number()
                        + ") has no pixels of its colour in " + bitmap);
                continue;
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put(IcdarAttributes.INDEX, (long) i);
            attributes.put(IcdarAttributes.COLOR, c.line().colour().r() + " " + c.line().colour().g() + " "
                    + c.line().colour().b());
            attributes.put(IcdarAttributes.TEXT, c.line().text());
            if (c.line().center() != null) {
                attributes.put(IcdarAttributes.CENTER, c.line().center());
            }
            annotations.add(new Mask(new AnnotationInfo(null, 0, c.group(), 0, attributes, null), rle));
        }
        return annotations;
    }
}
