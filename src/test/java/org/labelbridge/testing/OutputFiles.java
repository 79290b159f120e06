package org.labelbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reading an output the way a consumer reads it (its own files, not our reader): files by glob,
 * text lines as Python's {@code for line in f} gives them, and PNG/BMP pixels. For the
 * consumer-contract tests.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /** Files below {@code root} whose path relative to it matches the glob, sorted. */
    public static List<Path> matching(Path root, String glob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> matcher.matches(root.relativize(f)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code root}, as relative paths with {@code /}. */
    public static TreeSet<String> all(Path root) {
        TreeSet<String> names = new TreeSet<>();
        for (Path file : matching(root, "**")) {
            names.add(root.relativize(file).toString().replace('\\', '/'));
        }
        return names;
    }

    /** The file's lines in UTF-8 (no line ends), as Python iterates a text file. */
    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The decoded image; fails the test when Java's decoders cannot read it. */
    public static Raster pixels(Path image) {
        try {
            BufferedImage decoded = ImageIO.read(image.toFile());
            assertTrue(decoded != null, image + ": not a readable image");
            return decoded.getRaster();
        } catch (IOException e) {
            throw new UncheckedIOException(image + ": " + e.getMessage(), e);
        }
    }

    /** Corpus samples whose images are not the size of their masks in the source already (kept as they are). */
    private static final Set<String> MISSIZED_IMAGES = Set.of("mots_png_1.0/mots_dataset");

    /**
     * Asserts that a mask has its image's size (when the image is there), except for samples
     * whose source already pairs images and masks of other sizes (the MOTS sample, Datumaro's
     * test asset: 5x1 images, 1x5 masks).
     */
    /** The distinct values of a grey mask's first channel, as an importer maps them to labels. */
    public static java.util.Set<Integer> values(Raster raster) {
        java.util.Set<Integer> values = new java.util.TreeSet<>();
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                values.add(raster.getSample(x, y, 0));
            }
        }
        return values;
    }

    public static void assertImageSize(CorpusMatrix.Outcome outcome, String at, Raster mask, Path image) {
        if (image == null || MISSIZED_IMAGES.contains(outcome.sample())) {
            return;
        }
        Raster picture = pixels(image);
        assertEquals(picture.getWidth() + "x" + picture.getHeight(), mask.getWidth() + "x" + mask.getHeight(),
                at + ": a mask is its image's size");
    }

    /** The file's name without its last extension. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The image beside {@code folder} named {@code stem.<any extension>}, or null. */
    public static Path imageNamed(Path folder, String stem) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> stem(f).equals(stem) && !Files.isDirectory(f)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the text parses as Python's {@code float()} would. */
    public static boolean isFloat(String text) {
        try {
            Double.parseDouble(text.strip());
            return !text.strip().isEmpty() && !text.strip().endsWith("d") && !text.strip().endsWith("f");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether the text parses as Python's {@code int()} would. */
    public static boolean isInt(String text) {
        return text.strip().matches("[+-]?\\d+");
    }
}
