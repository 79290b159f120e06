package org.labelbridge.format.labelme;

import static org.labelbridge.testing.XmlElements.child;
import static org.labelbridge.testing.XmlElements.children;
import static org.labelbridge.testing.XmlElements.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.w3c.dom.Element;

/**
 * What CVAT's LabelMe importer reads (Datumaro's {@code labelme_format.py}, {@code LabelMeExtractor}
 * {@code _parse} and {@code _parse_annotations}), checked on the DOM of every corpus sample's output.
 * See the package documentation.
 */
class LabelMeConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) throws Exception {
        Outcome outcome = CorpusMatrix.forContract(sample, "labelme", work);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(outcome.output())) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), outcome + ": no XML");
        for (Path file : files) {
            Path relative = outcome.output().relativize(file);
            Path subsetRoot = relative.getNameCount() > 1 ? outcome.output().resolve(relative.getName(0)) : outcome.output();
            check(outcome + " " + relative, file, subsetRoot);
        }
    }

    /**
     * One file: {@code filename} and {@code folder} present, sizes, ids, {@code deleted}, parts and
     * coordinates as integers or numbers that Python's {@code int()}/{@code float()} take; every
     * part refers to an object of the file; a polygon has 3 points or more (Datumaro's Polygon
     * asserts it), a bounding box its 4 corners; a {@code <segm>}'s mask exists in its subset's
     * {@code Masks/} ({@code <root>/<subset>/Masks/<mask>}, "Can't find mask") at the image's size. An
     * object's {@code <name>} is there (an empty one is no label).
     */
    static void check(String where, Path file, Path subsetRoot) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getDocumentElement();
        assertEquals("annotation", root.getTagName(), where + ": root element");
        String filename = text(root, "filename");
        assertTrue(filename != null && !filename.isBlank(), where + ": <filename>");
        assertNotNull(child(root, "folder"), where + ": <folder>");
        int width = -1;
        int height = -1;
        Element size = child(root, "imagesize");
        if (size != null) {
            height = Integer.parseInt(text(size, "nrows").strip());
            width = Integer.parseInt(text(size, "ncols").strip());
        }
        Set<Integer> ids = new HashSet<>();
        List<Integer> parents = new ArrayList<>();
        for (Element object : children(root, "object")) {
            assertNotNull(child(object, "name"), where + ": an object without <name>");
            int id = Integer.parseInt(text(object, "id").strip());
            String at = where + " object " + id;
            assertTrue(ids.add(id), at + ": object ids repeat");
            String deleted = text(object, "deleted");
            assertTrue(deleted == null || deleted.strip().equals("0") || deleted.strip().equals("1"), at + ": deleted");
            Element parts = child(object, "parts");
            if (parts != null) {
                String parent = text(parts, "ispartof");
                if (parent != null && !parent.isBlank()) {
                    parents.add(Integer.parseInt(parent.strip()));
                }
                String has = text(parts, "hasparts");
                if (has != null && !has.isBlank()) {
                    for (String part : has.split(",")) {
                        parents.add(Integer.parseInt(part.strip()));
                    }
                }
            }
            Element polygon = child(object, "polygon");
            Element segm = child(object, "segm");
            assertTrue(polygon != null || segm != null, at + ": a <polygon> or a <segm>");
            if (polygon != null) {
                int points = 0;
                for (Element pt : children(polygon, "pt")) {
                    Double.parseDouble(text(pt, "x").strip());
                    Double.parseDouble(text(pt, "y").strip());
                    points++;
                }
                if ("bounding_box".equals(text(object, "type"))) {
                    assertEquals(4, points, at + ": a bounding box is its 4 corners");
                } else {
                    assertTrue(points >= 3, at + ": a polygon has 3 points or more");
                }
            } else {
                Path mask = subsetRoot.resolve("Masks").resolve(text(segm, "mask").strip());
                assertTrue(Files.isRegularFile(mask), at + ": Can't find mask at " + mask);
                BufferedImage image = ImageIO.read(mask.toFile());
                assertNotNull(image, at + ": the mask is a PNG");
                if (width >= 0) {
                    assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight(),
                            at + ": the mask is the image's size");
                }
            }
        }
        for (int parent : parents) {
            assertTrue(ids.contains(parent), where + ": parts refer to object " + parent + ", which is not in the file");
        }
    }
}
