package org.labelbridge.insight;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;

/**
 * Draws items into one image: a grid of tiles, each the item's image (or a blank canvas of its
 * size) scaled to fit {@value #TILE} pixels with its annotations over it in their label's
 * colour (boxes, polygons and lines as outlines, masks translucent, points and skeletons as
 * dots and bones, tags and captions as text), its name below; then a legend of the labels
 * drawn. Boxes are drawn without anti-aliasing, {@value #STROKE} pixels wide, so that their
 * edges hold exactly their colour.
 */
final class ContactSheet {

    static final int TILE = 256;
    static final int CAPTION = 18;
    static final int GAP = 8;
    static final int MARGIN = 8;
    static final int COLUMNS = 4;
    static final int STROKE = 2;
    static final int LEGEND_ROW = 20;
    static final Color BACKGROUND = new Color(0x20, 0x22, 0x26);
    static final Color CANVAS = new Color(0x80, 0x80, 0x80);
    static final Color FLAGGED = new Color(0xff, 0x5c, 0x5c);

    /** Distinct, bright label colours (Kelly's list without the dark ones), by label index. */
    private static final int[] PALETTE = {0xFFB300, 0x00C2FF, 0xFF3D7F, 0x7CFC00, 0xC77DFF, 0xFF6F00, 0x00E5A0,
            0xFFEA00, 0xFF4081, 0x40C4FF, 0xB2FF59, 0xFF8A65, 0x18FFFF, 0xEA80FC, 0xF4FF81, 0xFFAB40, 0x69F0AE,
            0xFF5252, 0x82B1FF, 0xE6EE9C};

    /** One item to draw and its image, if decoded. */
    record Tile(Item item, BufferedImage image, boolean flagged) {
    }

    /** Where a tile's image lies on the sheet: its top-left corner and its scale. */
    record Placement(double x, double y, double scale) {
    }

    private final Categories categories;
    private final Set<Integer> labelsDrawn = new TreeSet<>();
    private boolean textWorks = true;

    ContactSheet(Categories categories) {
        this.categories = categories;
    }

    /**
     * The colour of a label, from a bright palette by label index (a dataset's own colour map,
     * VOC's for one, is dark: it would vanish over the images).
     */
    static Color colour(Integer label) {
        if (label == null) {
            return Color.WHITE;
        }
        return new Color(PALETTE[Math.floorMod(label, PALETTE.length)]);
    }

    static int columns(int tiles) {
        return Math.max(1, Math.min(COLUMNS, tiles));
    }

    /** Where tile {@code index}'s image goes, for an image of {@code width x height}. */
    static Placement placement(int index, int tiles, int width, int height) {
        int column = index % columns(tiles);
        int row = index / columns(tiles);
        double scale = Math.min((double) TILE / width, (double) TILE / height);
        double x = MARGIN + column * (TILE + GAP) + (TILE - width * scale) / 2;
        double y = MARGIN + row * (TILE + CAPTION + GAP) + (TILE - height * scale) / 2;
        return new Placement(x, y, scale);
    }

    BufferedImage draw(List<Tile> tiles) {
        int columns = columns(tiles.size());
        int rows = (tiles.size() + columns - 1) / columns;
        for (Tile tile : tiles) {
            for (Annotation a : tile.item().annotations()) {
                if (a.label() != null && a.label() >= 0 && a.label() < categories.labels().size()) {
                    labelsDrawn.add(a.label());
                }
            }
        }
        int width = 2 * MARGIN + columns * TILE + (columns - 1) * GAP;
        List<List<Integer>> legendRows = legendRows(width - 2 * MARGIN);
        int height = 2 * MARGIN + rows * (TILE + CAPTION + GAP) + (legendRows.size() + 1) * LEGEND_ROW;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int i = 0; i < tiles.size(); i++) {
                drawTile(g, i, tiles.size(), tiles.get(i));
            }
            drawLegend(g, legendRows, MARGIN + rows * (TILE + CAPTION + GAP));
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private void drawTile(Graphics2D g, int index, int count, Tile tile) {
        Item item = tile.item();
        int[] size = size(tile);
        Placement p = placement(index, count, size[0], size[1]);
        int column = index % columns(count);
        int row = index / columns(count);
        int tileX = MARGIN + column * (TILE + GAP);
        int tileY = MARGIN + row * (TILE + CAPTION + GAP);
        Shape clip = g.getClip();
        g.clipRect(tileX, tileY, TILE, TILE);
        if (tile.image() != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(tile.image(), (int) Math.round(p.x()), (int) Math.round(p.y()),
                    (int) Math.round(size[0] * p.scale()), (int) Math.round(size[1] * p.scale()), null);
        } else {
            g.setColor(CANVAS);
            g.fill(new Rectangle2D.Double(p.x(), p.y(), size[0] * p.scale(), size[1] * p.scale()));
        }
        AffineTransform toSheet = new AffineTransform(p.scale(), 0, 0, p.scale(), p.x(), p.y());
        List<String> texts = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            drawAnnotation(g, a, toSheet, texts);
        }
        g.setClip(clip);
        int textY = tileY + 12;
        for (String text : texts.subList(0, Math.min(texts.size(), 8))) {
            text(g, text, tileX + 4, textY, Color.WHITE, true);
            textY += 13;
        }
        String name = (tile.flagged() ? "! " : "") + (Item.DEFAULT_SUBSET.equals(item.subset()) ? "" : item.subset() + "/")
                + item.id();
        text(g, shorten(g, name, TILE - 4), tileX + 2, tileY + TILE + 13, tile.flagged() ? FLAGGED : Color.LIGHT_GRAY,
                false);
    }

    /** The image's size: the item's, else the decoded image's, else where its shapes reach. */
    private static int[] size(Tile tile) {
        var media = tile.item().media();
        if (media.hasSize()) {
            return new int[] {media.width(), media.height()};
        }
        if (tile.image() != null) {
            return new int[] {tile.image().getWidth(), tile.image().getHeight()};
        }
        double maxX = 1;
        double maxY = 1;
        for (Annotation a : tile.item().annotations()) {
            if (a instanceof Bbox b) {
                maxX = Math.max(maxX, b.x2());
                maxY = Math.max(maxY, b.y2());
            } else if (a instanceof Mask m) {
                maxX = Math.max(maxX, m.rle().width());
                maxY = Math.max(maxY, m.rle().height());
            }
        }
        return new int[] {(int) Math.ceil(maxX * 1.05), (int) Math.ceil(maxY * 1.05)};
    }

    private void drawAnnotation(Graphics2D g, Annotation a, AffineTransform toSheet, List<String> texts) {
        Color colour = colour(a.label());
        String name = a.label() != null && a.label() >= 0 && a.label() < categories.labels().size()
                ? categories.label(a.label()).name() : "";
        g.setStroke(new BasicStroke(STROKE));
        if (a instanceof Bbox box) {
            Shape outline = box.rotation() == 0
                    ? new Rectangle2D.Double(box.x(), box.y(), box.w(), box.h())
                    : AffineTransform.getRotateInstance(Math.toRadians(box.rotation()), box.x() + box.w() / 2,
                            box.y() + box.h() / 2).createTransformedShape(
                                    new Rectangle2D.Double(box.x(), box.y(), box.w(), box.h()));
            Shape onSheet = toSheet.createTransformedShape(outline);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(colour);
            g.draw(onSheet);
            labelAt(g, name, onSheet, colour);
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (a instanceof Polygon polygon) {
            Shape onSheet = toSheet.createTransformedShape(path(polygon.points(), true));
            fill(g, onSheet, colour, 0.3f);
            g.setColor(colour);
            g.draw(onSheet);
            labelAt(g, name, onSheet, colour);
        } else if (a instanceof Polyline line) {
            Shape onSheet = toSheet.createTransformedShape(path(line.points(), false));
            g.setColor(colour);
            g.draw(onSheet);
            labelAt(g, name, onSheet, colour);
        } else if (a instanceof Cuboid2d cuboid) {
            double[] p = cuboid.points();
            for (int face = 0; face + 8 <= p.length; face += 8) {
                g.setColor(colour);
                g.draw(toSheet.createTransformedShape(path(java.util.Arrays.copyOfRange(p, face, face + 8), true)));
            }
            for (int i = 0; i + 8 < p.length && i < 8; i += 2) {
                g.draw(toSheet.createTransformedShape(new Line2D.Double(p[i], p[i + 1], p[i + 8], p[i + 9])));
            }
        } else if (a instanceof Ellipse e) {
            Shape ellipse = AffineTransform.getRotateInstance(Math.toRadians(e.rotation()), e.cx(), e.cy())
                    .createTransformedShape(new Ellipse2D.Double(e.cx() - e.rx(), e.cy() - e.ry(), 2 * e.rx(), 2 * e.ry()));
            Shape onSheet = toSheet.createTransformedShape(ellipse);
            fill(g, onSheet, colour, 0.3f);
            g.setColor(colour);
            g.draw(onSheet);
            labelAt(g, name, onSheet, colour);
        } else if (a instanceof Mask mask) {
            drawMask(g, mask.rle(), toSheet, colour);
            double[] box = mask.rle().bbox();
            labelAt(g, name, toSheet.createTransformedShape(new Rectangle2D.Double(box[0], box[1], box[2], box[3])),
                    colour);
        } else if (a instanceof Points points) {
            drawPoints(g, points, toSheet, colour);
        } else if (a instanceof Skeleton skeleton) {
            drawSkeleton(g, skeleton, toSheet, colour);
        } else if (a instanceof Tag) {
            texts.add("tag: " + name);
        } else if (a instanceof Caption caption) {
            texts.add("caption: " + caption.text());
        }
    }

    private static Path2D path(double[] p, boolean closed) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i + 1 < p.length; i += 2) {
            if (i == 0) {
                path.moveTo(p[i], p[i + 1]);
            } else {
                path.lineTo(p[i], p[i + 1]);
            }
        }
        if (closed && p.length >= 6) {
            path.closePath();
        }
        return path;
    }

    private static void fill(Graphics2D g, Shape shape, Color colour, float alpha) {
        var composite = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        g.setColor(colour);
        g.fill(shape);
        g.setComposite(composite);
    }

    private static void drawMask(Graphics2D g, Rle rle, AffineTransform toSheet, Color colour) {
        if (rle.width() == 0 || rle.height() == 0) {
            return;
        }
        byte[] bitmap = rle.toBitmap();
        BufferedImage overlay = new BufferedImage(rle.width(), rle.height(), BufferedImage.TYPE_INT_ARGB);
        int argb = (0x73 << 24) | (colour.getRGB() & 0xFFFFFF);
        for (int y = 0; y < rle.height(); y++) {
            for (int x = 0; x < rle.width(); x++) {
                if (bitmap[y * rle.width() + x] != 0) {
                    overlay.setRGB(x, y, argb);
                }
            }
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(overlay, toSheet, null);
    }

    private static void drawPoints(Graphics2D g, Points points, AffineTransform toSheet, Color colour) {
        double[] at = new double[2];
        for (int i = 0; i < points.size(); i++) {
            if (points.visibility(i) == Points.ABSENT) {
                continue;
            }
            toSheet.transform(new double[] {points.x(i), points.y(i)}, 0, at, 0, 1);
            Ellipse2D dot = new Ellipse2D.Double(at[0] - 3, at[1] - 3, 6, 6);
            g.setColor(colour);
            if (points.visibility(i) == Points.VISIBLE) {
                g.fill(dot);
            } else {
                g.setStroke(new BasicStroke(1));
                g.draw(dot);
                g.setStroke(new BasicStroke(STROKE));
            }
        }
    }

    private void drawSkeleton(Graphics2D g, Skeleton skeleton, AffineTransform toSheet, Color colour) {
        List<Points> nodes = skeleton.nodes();
        SkeletonDef def = skeleton.label() == null ? null : categories.skeletons().get(skeleton.label());
        if (def != null) {
            g.setColor(colour);
            for (SkeletonDef.Edge edge : def.edges()) {
                if (edge.from() < nodes.size() && edge.to() < nodes.size()) {
                    Points a = nodes.get(edge.from());
                    Points b = nodes.get(edge.to());
                    if (a.size() > 0 && b.size() > 0 && a.visibility(0) != Points.ABSENT
                            && b.visibility(0) != Points.ABSENT) {
                        g.draw(toSheet.createTransformedShape(new Line2D.Double(a.x(0), a.y(0), b.x(0), b.y(0))));
                    }
                }
            }
        }
        for (Points node : nodes) {
            drawPoints(g, node, toSheet, colour);
        }
    }

    private void labelAt(Graphics2D g, String name, Shape onSheet, Color colour) {
        if (name.isEmpty()) {
            return;
        }
        Rectangle2D bounds = onSheet.getBounds2D();
        text(g, name, (int) bounds.getX(), (int) bounds.getY() - 3, colour, true);
    }

    /** Text with a dark backing so that it reads over any image; skipped where the JVM has no fonts. */
    private void text(Graphics2D g, String text, int x, int y, Color colour, boolean backed) {
        if (!textWorks || text.isEmpty()) {
            return;
        }
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            FontMetrics metrics = g.getFontMetrics();
            if (backed) {
                g.setColor(new Color(0, 0, 0, 160));
                g.fillRect(x - 1, y - metrics.getAscent(), metrics.stringWidth(text) + 2, metrics.getHeight());
            }
            g.setColor(colour);
            g.drawString(text, x, y);
        } catch (RuntimeException | InternalError | UnsatisfiedLinkError e) {
            textWorks = false; // a JVM without fonts (a bare container): shapes and colours still tell
        }
    }

    private String shorten(Graphics2D g, String text, int width) {
        if (!textWorks) {
            return text;
        }
        try {
            FontMetrics metrics = g.getFontMetrics();
            String shown = text;
            while (shown.length() > 4 && metrics.stringWidth(shown) > width) {
                shown = shown.substring(0, shown.length() - 2);
            }
            return shown.length() == text.length() ? text : shown + "…";
        } catch (RuntimeException | InternalError | UnsatisfiedLinkError e) {
            textWorks = false;
            return text;
        }
    }

    /** The labels drawn, split into rows that fit the width. */
    private List<List<Integer>> legendRows(int width) {
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        int used = 0;
        for (int label : labelsDrawn) {
            int entry = legendEntryWidth(categories.label(label).name());
            if (!row.isEmpty() && used + entry > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(label);
            used += entry;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static int legendEntryWidth(String name) {
        return 14 + 7 * Math.min(name.length(), 24) + 16;
    }

    private void drawLegend(Graphics2D g, List<List<Integer>> rows, int top) {
        int y = top;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        text(g, "legend (! = flagged by validation)", MARGIN, y + 13, Color.LIGHT_GRAY, false);
        for (List<Integer> row : rows) {
            y += LEGEND_ROW;
            int x = MARGIN;
            for (int label : row) {
                String name = categories.label(label).name();
                g.setColor(colour(label));
                g.fillRect(x, y + 3, 12, 12);
                text(g, name.length() > 24 ? name.substring(0, 23) + "…" : name, x + 16, y + 13, Color.WHITE, false);
                x += legendEntryWidth(name);
            }
        }
    }

    /** The labels drawn, by index, with their colours as {@code #rrggbb}: the page's legend. */
    Map<String, String> legend() {
        Map<String, String> legend = new LinkedHashMap<>();
        for (int label : labelsDrawn) {
            legend.put(categories.label(label).name(), String.format("#%06x", colour(label).getRGB() & 0xFFFFFF));
        }
        return legend;
    }
}
