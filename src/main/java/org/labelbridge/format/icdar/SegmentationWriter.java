package org.labelbridge.format.icdar;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.MaskCompositor;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.Rasterizer;
import org.labelbridge.format.common.pixels.VocPalette;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;

/**
 * Writes per item {@code <image>_GT.txt} (a line per character, words separated by blank
 * lines) and, when it has characters, {@code <image>_GT.bmp} with each character in its
 * colour on white. Characters are ordered by their {@code index} attribute; masks of one
 * non-zero group are one word. Boxes, polygons and ellipses are rasterised into character
 * masks. A character keeps its {@code color} when it is a free "R G B"; others get the next
 * free colour of the VOC palette.
 */
final class SegmentationWriter extends IcdarWriter {

    private static final Set<String> KEPT = Set.of(IcdarAttributes.INDEX, IcdarAttributes.COLOR,
            IcdarAttributes.TEXT, IcdarAttributes.CENTER);
    private static final int WHITE = 0xFFFFFF;

    /** One character to write: its annotation and its pixels. */
    private record Glyph(Annotation annotation, Rle rle, long index) {
    }

    SegmentationWriter(DatasetOutput output, Problems problems) {
        super(output, problems, IcdarTask.TEXT_SEGMENTATION, "ICDAR Segmentation 1.0");
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "ICDAR");
        String base = subsetFolder(item) + "/" + item.id() + IcdarLayout.SEGMENTATION_SUFFIX;
        List<Glyph> glyphs = glyphs(item);
        List<String> lines = new ArrayList<>();
        if (!glyphs.isEmpty()) {
            Rle first = glyphs.get(0).rle();
            int[] colours = colours(item, glyphs);
            MaskCompositor compositor = new MaskCompositor(first.height(), first.width());
            for (int i = 0; i < glyphs.size(); i++) {
                compositor.add(Rasterizer.mask(glyphs.get(i).rle()), i + 1, i + 1, glyphs.get(i).annotation().info().zOrder());
            }
            MaskCompositor.Compiled compiled = compositor.compile();
            reportHidden(item, glyphs, compiled);
            long shown = compiled.visiblePixels().values().stream().filter(pixels -> pixels > 0).count();
            problems.wroteAs(item.id(), Map.of(AnnotationKind.MASK, (int) shown), "painted into the character bitmap,"
                    + " which reads back as one mask per character");
            lines = lines(item, glyphs, colours);
            try (OutputStream out = output.entry(base + IcdarLayout.BITMAP_EXT)) {
                BmpEncoder.writeRgb(painted(compiled.classes().toIndexImage(), colours), out);
            }
        } else if (item.media().hasSize()) {
            writeBlankBitmap(base + IcdarLayout.BITMAP_EXT, item.media().height(), item.media().width());
        }
        try (Writer out = new OutputStreamWriter(output.entry(base + IcdarLayout.TEXT_EXT), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                IcdarText.writeLine(out, line);
            }
        }
        copyImage(item, imageFile(item));
    }

    /**
     * An all-white bitmap for an item without characters: Datumaro's importer (CVAT's) detects the
     * format by a {@code *_GT.txt} with its {@code _GT.bmp} beside it, so every text file gets one.
     */
    private void writeBlankBitmap(String file, int height, int width) throws IOException {
        IndexImage blank = new IndexImage(height, width);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                blank.set(x, y, WHITE);
            }
        }
        try (OutputStream out = output.entry(file)) {
            BmpEncoder.writeRgb(blank, out);
        }
    }

    /** The characters of the item with their pixels, ordered by index; what cannot be one is reported. */
    private List<Glyph> glyphs(Item item) {
        int[] size = size(item);
        List<Glyph> glyphs = new ArrayList<>();
        for (Annotation a : item.annotations()) { // masks, polygons, boxes and ellipses: the pipeline gives no other
            if (size == null) {
                problems.dropped(item.id(), a.kind(), "the image size is unknown, so the " + a.kind().id()
                        + " cannot be rasterised into the character bitmap");
                continue;
            }
            Rle rle = rle(item, a, size[0], size[1]);
            if (rle == null) {
                continue;
            }
            if (rle.area() == 0) {
                problems.dropped(item.id(), a.kind(), "covers no pixel of the " + size[1] + "x" + size[0] + " image");
                continue;
            }
            reportLost(item, a, KEPT);
            glyphs.add(new Glyph(a, rle, index(a)));
        }
        glyphs.sort(Comparator.comparingLong(Glyph::index));
        return glyphs;
    }

    /** Height and width: the item's image, else its first mask's. */
    private static int[] size(Item item) {
        if (item.media().hasSize()) {
            return new int[] {item.media().height(), item.media().width()};
        }
        for (Annotation a : item.annotations()) {
            if (a instanceof Mask m) {
                return new int[] {m.rle().height(), m.rle().width()};
            }
        }
        return null;
    }

    private Rle rle(Item item, Annotation a, int height, int width) {
        if (a instanceof Mask m) {
            if (m.rle().height() != height || m.rle().width() != width) {
                problems.dropped(item.id(), a.kind(), "mask is " + m.rle().width() + "x" + m.rle().height()
                        + " but the image is " + width + "x" + height);
                return null;
            }
            return m.rle();
        }
        problems.changed(item.id(), a.kind(), a.kind().id() + " rasterised into a character mask");
        if (a instanceof Polygon p) {
            return Rasterizer.rle(Rasterizer.polygon(p.points()), height, width);
        }
        if (a instanceof Bbox b) {
            return Rasterizer.rle(Rasterizer.box(b.x(), b.y(), b.w(), b.h(), b.rotation()), height, width);
        }
        Ellipse e = (Ellipse) a;
        return Rasterizer.rle(Rasterizer.ellipse(e.cx(), e.cy(), e.rx(), e.ry(), e.rotation()), height, width);
    }

    /** The {@code index} attribute as a number (0 when absent or not a number), as Datumaro sorts. */
    private static long index(Annotation a) {
        Object value = a.attributes().get(IcdarAttributes.INDEX);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** A colour per character: its own where that is a valid, unused, non-white "R G B"; else a free one. */
    private int[] colours(Item item, List<Glyph> glyphs) {
        int[] colours = new int[glyphs.size()];
        Set<Integer> used = new HashSet<>();
        used.add(WHITE);
        for (int i = 0; i < glyphs.size(); i++) {
            Object attribute = glyphs.get(i).annotation().attributes().get(IcdarAttributes.COLOR);
            Integer own = attribute == null ? null : parseColour(String.valueOf(attribute));
            if (own != null && used.add(own)) {
                colours[i] = own;
            } else {
                colours[i] = -1;
                if (attribute != null) {
                    problems.changed(item.id(), glyphs.get(i).annotation().kind(), "color '" + attribute + "' is "
                            + (own == null ? "not 'R G B' (0..255 each)" : own == WHITE ? "the white background"
                            : "another character's") + ": a new colour is written");
                }
            }
        }
        int next = 1;
        for (int i = 0; i < colours.length; i++) {
            if (colours[i] < 0) {
                while (used.contains(VocPalette.packed(next))) {
                    next++;
                }
                colours[i] = VocPalette.packed(next);
                used.add(colours[i]);
            }
        }
        return colours;
    }

    private static Integer parseColour(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 3) {
            return null;
        }
        int packed = 0;
        for (String part : parts) {
            try {
                int channel = Integer.parseInt(part);
                if (channel < 0 || channel > 255) {
                    return null;
                }
                packed = packed << 8 | channel;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return packed;
    }

    private void reportHidden(Item item, List<Glyph> glyphs, MaskCompositor.Compiled compiled) {
        for (int i = 0; i < glyphs.size(); i++) {
            long hidden = compiled.hiddenPixels().getOrDefault(i + 1, 0L);
            long visible = compiled.visiblePixels().getOrDefault(i + 1, 0L);
            AnnotationKind kind = glyphs.get(i).annotation().kind();
            if (visible == 0) {
                problems.dropped(item.id(), kind, "hidden entirely under later characters: a bitmap pixel has one colour");
            } else if (hidden > 0) {
                problems.changed(item.id(), kind, "partly hidden under later characters: a bitmap pixel has one colour");
            }
        }
    }

    /** The lines of the text file: words (one non-zero group, consecutive by index) between blank lines. */
    private List<String> lines(Item item, List<Glyph> glyphs, int[] colours) {
        List<String> lines = new ArrayList<>();
        Set<Integer> closedGroups = new HashSet<>();
        int previousGroup = 0;
        for (int i = 0; i < glyphs.size(); i++) {
            Annotation a = glyphs.get(i).annotation();
            int group = a.info().group();
            if (i > 0 && (group == 0 || group != previousGroup)) {
                lines.add("");
                if (previousGroup != 0) {
                    closedGroups.add(previousGroup);
                }
                if (group != 0 && closedGroups.contains(group)) {
                    problems.changed(item.id(), a.kind(), "group " + group + " split into two words: its characters"
                            + " are not consecutive by index");
                }
            }
            previousGroup = group;
            double[] box = glyphs.get(i).rle().bbox();
            int[] corners = {(int) box[0], (int) box[1], (int) (box[0] + box[2] - 1), (int) (box[1] + box[3] - 1)};
            lines.add(SegmentationLine.format(MaskImage.unpack(colours[i]), center(item, a), corners, characterText(item, a)));
        }
        return lines;
    }

    private String center(Item item, Annotation a) {
        Object value = a.attributes().get(IcdarAttributes.CENTER);
        if (value == null) {
            return null;
        }
        String center = String.valueOf(value).strip();
        if (!center.matches("\\S+\\s+\\S+") || center.indexOf('"') >= 0) {
            problems.changed(item.id(), a.kind(), "center '" + value + "' is not two values 'cx cy': written as '- -'");
            return null;
        }
        return center.replaceAll("\\s+", " ");
    }

    private String characterText(Item item, Annotation a) {
        Object value = a.attributes().get(IcdarAttributes.TEXT);
        String text = value == null ? "" : text(value);
        if (IcdarText.hasLineBreak(text)) {
            problems.changed(item.id(), a.kind(), "line breaks in the text written as spaces: a character is one line");
            text = IcdarText.withoutLineBreaks(text);
        }
        return text;
    }

    private static IndexImage painted(IndexImage classes, int[] colours) {
        IndexImage painted = new IndexImage(classes.height(), classes.width());
        for (int y = 0; y < classes.height(); y++) {
            for (int x = 0; x < classes.width(); x++) {
                int c = classes.get(x, y);
                painted.set(x, y, c == 0 ? WHITE : colours[c - 1]);
            }
        }
        return painted;
    }
}
