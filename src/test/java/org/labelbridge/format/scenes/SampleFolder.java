package org.labelbridge.format.scenes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.model.Rgb;

/** A small dataset folder made file by file (or copied from the corpus), for inputs the corpus does not have. */
public final class SampleFolder {

    private final Path dir;

    private SampleFolder(Path dir) {
        this.dir = dir;
    }

    public static SampleFolder at(Path dir) {
        return new SampleFolder(dir);
    }

    /** A copy of a corpus sample, to change. */
    public static SampleFolder copyOf(Path sample, Path dir) {
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(sample.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SampleFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public SampleFolder file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public SampleFolder bytes(String path, byte[] bytes) {
        try {
            Path target = dir.resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SampleFolder delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Png {
        void write(OutputStream out) throws IOException;
    }

    private SampleFolder png(String path, Png png) {
        try {
            Path target = dir.resolve(path);
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                png.write(out);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A grey PNG (8 or 16 bits) of the row-major values. */
    public SampleFolder grey(String path, int bits, int height, int width, int... values) {
        return png(path, out -> PngEncoder.writeGray(IndexImage.of(height, width, values), bits, out));
    }

    /** An RGB PNG of the row-major colours ({@code 0xRRGGBB}). */
    public SampleFolder rgb(String path, int height, int width, int... colours) {
        return png(path, out -> PngEncoder.writeRgb(IndexImage.of(height, width, colours), out));
    }

    /** A palette PNG of the row-major indices. */
    public SampleFolder palette(String path, java.util.List<Rgb> palette, int height, int width, int... indices) {
        return png(path, out -> PngEncoder.writeIndexed(IndexImage.of(height, width, indices), palette, out));
    }

    public DirectorySource source() {
        try {
            return DirectorySource.of(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a PNG written into a folder. */
    public static MaskImage png(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MaskImages.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
