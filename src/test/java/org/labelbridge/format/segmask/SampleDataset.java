package org.labelbridge.format.segmask;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.format.common.pixels.VocPalette;

/** A small dataset folder made file by file, for inputs the corpus does not have. */
final class SampleDataset {

    private final Path dir;

    private SampleDataset(Path dir) {
        this.dir = dir;
    }

    static SampleDataset at(Path dir) {
        return new SampleDataset(dir);
    }

    SampleDataset file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    SampleDataset bytes(String path, byte[] bytes) {
        try {
            Path target = dir.resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Png {
        void write(OutputStream out) throws IOException;
    }

    private SampleDataset png(String path, Png png) {
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

    /** An 8-bit grey PNG of the row-major values. */
    SampleDataset grey(String path, int height, int width, int... values) {
        return png(path, out -> PngEncoder.writeGray(IndexImage.of(height, width, values), 8, out));
    }

    /** An RGB PNG of the row-major colours ({@code 0xRRGGBB}). */
    SampleDataset rgb(String path, int height, int width, int... colours) {
        return png(path, out -> PngEncoder.writeRgb(IndexImage.of(height, width, colours), out));
    }

    /** A palette PNG with the first {@code paletteSize} VOC colours. */
    SampleDataset palette(String path, int height, int width, int paletteSize, int... indices) {
        return png(path, out -> PngEncoder.writeIndexed(IndexImage.of(height, width, indices), VocPalette.colours(paletteSize), out));
    }

    DirectorySource source() {
        try {
            return DirectorySource.of(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
