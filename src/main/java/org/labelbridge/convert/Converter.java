package org.labelbridge.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.archive.ArchiveBytes;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.archive.DirectoryOutput;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.archive.OutputChannel;
import org.labelbridge.archive.ZipOutput;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.insight.DatasetInsight;
import org.labelbridge.insight.PreviewSheet;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Runs one conversion: input → detected format's reader → {@link ContentChecks} → the
 * transforms the options ask for ({@link LabelMapping}, {@link SubsetMapping},
 * {@link ShapeConversion}) → {@link TargetFit} → target writer → output, counting everything into
 * a {@link ConversionReport} and telling a {@link ConversionListener} how it goes. A failed
 * conversion leaves no output behind: a zip is deleted by {@link ZipOutput}, a folder is written
 * beside its place and moved there only at the end.
 */
public final class Converter {

    private Converter() {
    }

    /** Converts within the default archive limits. */
    public static ConversionResult convert(ConversionRequest request) throws IOException {
        return convert(request, ConversionListener.NONE, ArchiveLimits.DEFAULTS);
    }

    /** Converts within the default archive limits, telling the listener how it goes. */
    public static ConversionResult convert(ConversionRequest request, ConversionListener listener) throws IOException {
        return convert(request, listener, ArchiveLimits.DEFAULTS);
    }

    /** Converts; an input beyond {@code limits} is refused before its data is read. */
    public static ConversionResult convert(ConversionRequest request, ArchiveLimits limits) throws IOException {
        return convert(request, ConversionListener.NONE, limits);
    }

    /** Converts, telling the listener each stage as it ends and the progress of the item stream. */
    public static ConversionResult convert(ConversionRequest request, ConversionListener listener,
                                           ArchiveLimits limits) throws IOException {
        long started = System.nanoTime();
        Format target = writableTarget(request.to());
        String inputName = request.input().getFileName().toString();
        try (InputArchive input = InputArchive.open(request.input(), limits)) {
            DetectedSource detected = detectFor(target, input, request.from(), inputName, listener, started);
            ConversionReport report = new ConversionReport(request.options().onProblem(), inputName);
            Stream stream = new Stream(detected, target, request.options(), report, listener, inputName);
            boolean zip = !Files.isDirectory(request.output())
                    && request.output().getFileName().toString().toLowerCase().endsWith(".zip");
            if (zip) {
                try (ZipOutput out = new ZipOutput(request.output(), detected.root(), request.options().keepImages())) {
                    stream.run(out);
                    out.finish();
                    stream.finished(out.size());
                }
            } else {
                intoFolder(request.output(), folder -> stream.run(new DirectoryOutput(folder, detected.root(),
                        request.options().keepImages())));
                stream.finished(-1);
            }
            PreviewSheet preview = request.options().preview() > 0
                    ? preview(request.output(), target, request.options().preview(), stream.insight, listener) : null;
            return new ConversionResult(detected, target.id(), report, request.options(), millisSince(started),
                    stream.insight, preview);
        }
    }

    /**
     * Converts an archive read where it lies (an S3 object read by ranges) into a zip written as
     * a stream (an S3 upload), completed only when whole; files the target writes last are
     * spooled in the input's work folder. The same steps, and the same bytes, as a local zip.
     */
    public static ConversionResult convert(ArchiveBytes input, String from, String to, ConversionOptions options,
                                           OutputChannel output, ConversionListener listener, ArchiveLimits limits)
            throws IOException {
        long started = System.nanoTime();
        try (output) {
            Format target = writableTarget(to);
            try (InputArchive archive = InputArchive.open(input, limits)) {
                DetectedSource detected = detectFor(target, archive,
                        from == null || from.isEmpty() ? ConversionRequest.AUTO : from, input.name(), listener, started);
                ConversionOptions chosen = options == null ? ConversionOptions.DEFAULTS : options;
                ConversionReport report = new ConversionReport(chosen.onProblem(), input.name());
                Stream stream = new Stream(detected, target, chosen, report, listener, input.name());
                try (ZipOutput out = new ZipOutput(output, input.workFolder(), detected.root(), chosen.keepImages())) {
                    stream.run(out);
                    out.finish();
                    stream.finished(out.size());
                }
                return new ConversionResult(detected, target.id(), report, chosen, millisSince(started), stream.insight,
                        null);
            }
        }
    }

    /** Detects the source, tells the listener, and refuses a source the target cannot hold at all. */
    private static DetectedSource detectFor(Format target, InputArchive input, String from, String inputName,
                                            ConversionListener listener, long started) throws IOException {
        DetectedSource detected = detect(input, from, inputName);
        listener.stage("detect", millisSince(started), detection(detected));
        TargetFit.refuseAcrossDimensions(detected.format().descriptor(), target.descriptor(), inputName);
        return detected;
    }

    private static Format writableTarget(String to) throws FormatException {
        Format target = Formats.require(to);
        if (!target.descriptor().canWrite()) {
            throw new FormatException("format '" + target.id() + "' can be read but not written yet");
        }
        return target;
    }

    /**
     * Draws the preview from the output as written, re-read by the target's own reader. A
     * preview that cannot be drawn says why in the report; the conversion stands.
     */
    private static PreviewSheet preview(Path output, Format target, int count, DatasetInsight insight,
                                        ConversionListener listener) {
        return preview(() -> InputArchive.open(output), target, count, insight, listener);
    }

    /**
     * Draws the preview of a zip written as a stream ({@link #convert(ArchiveBytes, String, String,
     * ConversionOptions, OutputChannel, ConversionListener, ArchiveLimits)}), read back where it
     * now lies: only the annotation files and the images drawn are read.
     */
    public static PreviewSheet preview(ArchiveBytes written, ConversionResult result, ConversionListener listener)
            throws IOException {
        return preview(() -> InputArchive.open(written, ArchiveLimits.DEFAULTS), Formats.require(result.to()),
                result.options().preview(), result.insight(), listener);
    }

    /** How the written output is opened again. */
    @FunctionalInterface
    private interface WrittenOutput {
        InputArchive open() throws IOException;
    }

    private static PreviewSheet preview(WrittenOutput output, Format target, int count, DatasetInsight insight,
                                        ConversionListener listener) {
        long started = System.nanoTime();
        PreviewSheet sheet;
        try (InputArchive written = output.open()) {
            DetectedSource root = DetectedSource.forFormat(written.source(), target);
            sheet = PreviewSheet.draw(target, root.root(), count,
                    insight == null ? java.util.Set.of() : insight.validation().flaggedItems());
        } catch (IOException | RuntimeException e) {
            sheet = PreviewSheet.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("items", sheet.items().size());
        counts.put("png_bytes", sheet.png().length);
        listener.stage("preview", millisSince(started), counts);
        return sheet;
    }

    /**
     * Reads a dataset through the content checks and the transforms the options ask for, and
     * counts its statistics and runs its validation checks, writing nothing: what
     * {@code labelbridge stats} and {@code validate} show.
     */
    public static Inspection inspect(Path input, String from, ConversionOptions options, ArchiveLimits limits)
            throws IOException {
        long started = System.nanoTime();
        String inputName = input.getFileName().toString();
        try (InputArchive archive = InputArchive.open(input, limits)) {
            DetectedSource detected = detect(archive, from == null || from.isEmpty() ? ConversionRequest.AUTO : from,
                    inputName);
            ConversionReport report = new ConversionReport(options.onProblem(), inputName);
            Stream stream = new Stream(detected, null, options.with(ConversionOptions.STATISTICS.name(), true), report,
                    ConversionListener.NONE, inputName);
            stream.run(null);
            return new Inspection(detected, report, stream.insight, millisSince(started));
        }
    }

    /** What {@link #inspect} found: the source, the report of its reading, and the insight. */
    public record Inspection(DetectedSource source, ConversionReport report, DatasetInsight insight, long millis) {
    }

    private static Map<String, Object> detection(DetectedSource detected) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("format", detected.format().id());
        counts.put("confidence", detected.detection().confidence());
        counts.put("root", detected.rootPath());
        return counts;
    }

    static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /** Detects the input's format (or checks the one given) without converting. */
    public static DetectedSource detect(Path input) throws IOException {
        try (InputArchive archive = InputArchive.open(input)) {
            return detect(archive, ConversionRequest.AUTO, input.getFileName().toString());
        }
    }

    private static DetectedSource detect(InputArchive input, String from, String inputName) throws IOException {
        List<Format> readable = Formats.all().stream().filter(f -> f.descriptor().canRead()).toList();
        if (input.kind() == InputArchive.Kind.BARE_FILE) {
            String ext = inputName.contains(".") ? inputName.substring(inputName.lastIndexOf('.')).toLowerCase() : "";
            readable = readable.stream().filter(f -> f.descriptor().bareFile().equals(ext)).toList();
            if (readable.isEmpty()) {
                throw new FormatException(inputName + ": not an archive (zip, tar, tar.gz) and no format reads a bare '"
                        + ext + "' file");
            }
        }
        if (ConversionRequest.AUTO.equals(from)) {
            return DetectedSource.detect(input.source(), readable, inputName);
        }
        Format source = Formats.require(from);
        if (!source.descriptor().canRead()) {
            throw new FormatException("format '" + from + "' cannot be read");
        }
        if (!readable.contains(source)) {
            throw new FormatException(inputName + ": " + source.descriptor().displayName()
                    + " cannot be read from a bare file; put it in a zip archive");
        }
        return DetectedSource.forFormat(input.source(), source);
    }

    /**
     * One pass of the items: reader, the transforms the options ask for (labels, subsets,
     * shapes; categories once at the start), the fit to the target, the writer. Counts go to
     * the report, stages and progress to the listener, and the items as written to the
     * {@link DatasetInsight} (unless option {@code statistics} is off). Without a target
     * ({@link #inspect}) nothing is fitted or written.
     */
    private static final class Stream {
        private final DetectedSource detected;
        private final Format target;
        private final ConversionOptions options;
        private final ConversionReport report;
        private final ConversionListener listener;
        private final String inputName;
        private long streamStarted;
        private long finishStarted;
        /** Statistics and checks of the items written; null when option statistics is off. */
        private final DatasetInsight insight;

        Stream(DetectedSource detected, Format target, ConversionOptions options, ConversionReport report,
               ConversionListener listener, String inputName) {
            this.inputName = inputName;
            this.detected = detected;
            this.target = target;
            this.options = options;
            this.report = report;
            this.listener = listener;
            this.insight = options.statistics() ? new DatasetInsight(options.checkThresholds(), detected.root()) : null;
        }

        void run(DatasetOutput out) throws IOException {
            streamStarted = System.nanoTime();
            List<DatasetTransform> transforms = transforms(options, report);
            TargetFit fit = target == null ? null : new TargetFit(target.descriptor(), options, report);
            long expected = expectedItems(detected);
            long interval = listener.progressIntervalMillis() * 1_000_000;
            long lastProgress = streamStarted;
            long annotationsIn = 0;
            try (DatasetReader reader = detected.format().reader(detected.root(), report.reading())) {
                Categories categories = reader.categories();
                for (DatasetTransform transform : transforms) {
                    categories = transform.begin(categories);
                }
                ContentChecks checks = new ContentChecks(reader.categories().labels().size(), detected.root(),
                        options, inputName, report);
                DatasetWriter writer = target == null ? null : target.writer(out, report.writing());
                if (writer != null) {
                    writer.begin(categories);
                }
                if (insight != null) {
                    insight.begin(categories);
                }
                for (Item item = reader.next(); item != null; item = reader.next()) {
                    report.countIn(item);
                    annotationsIn += item.annotations().size();
                    Item transformed = checks.apply(item);
                    for (int t = 0; t < transforms.size() && transformed != null; t++) {
                        transformed = transforms.get(t).apply(transformed);
                    }
                    if (transformed != null) {
                        Item fitted = fit == null ? transformed : fit.apply(transformed);
                        if (insight != null) {
                            insight.accept(fitted);
                        }
                        report.countOut(fitted);
                        if (writer != null) {
                            writer.write(fitted);
                        }
                        report.written();
                    }
                    long now = System.nanoTime();
                    if (now - lastProgress >= interval) {
                        lastProgress = now;
                        listener.progress(new ConversionListener.Progress(report.itemsIn(), annotationsIn, expected,
                                (now - streamStarted) / 1_000_000));
                    }
                }
                transforms.forEach(DatasetTransform::finish);
                if (writer != null) {
                    writer.finish();
                }
                if (insight != null) {
                    insight.finish();
                }
                listener.stage("convert", millisSince(streamStarted), streamCounts());
                finishStarted = System.nanoTime();
            }
        }

        void finished(long bytesOut) {
            Map<String, Object> counts = new LinkedHashMap<>();
            if (bytesOut >= 0) {
                counts.put("bytes_out", bytesOut);
            }
            listener.stage("finish", millisSince(finishStarted), counts);
        }

        private Map<String, Object> streamCounts() {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("items_in", report.itemsIn());
            counts.put("items_out", report.itemsOut());
            counts.put("annotations_in", report.totalIn());
            counts.put("annotations_out", report.totalOut());
            counts.put("dropped_annotations", report.droppedAnnotations());
            counts.put("dropped_items", report.droppedItems());
            counts.put("subsets", report.subsetsOut());
            return counts;
        }
    }

    /** The transforms the options ask for, in the order they run. */
    static List<DatasetTransform> transforms(ConversionOptions options, ConversionReport report) {
        List<DatasetTransform> transforms = new ArrayList<>();
        if (LabelMapping.wanted(options)) {
            transforms.add(new LabelMapping(options, report));
        }
        if (SubsetMapping.wanted(options)) {
            transforms.add(new SubsetMapping(options, report));
        }
        if (ShapeConversion.wanted(options)) {
            transforms.add(new ShapeConversion(options, report));
        }
        return transforms;
    }

    /** Images under the dataset root: most formats give one item per image, so a fair estimate. */
    private static long expectedItems(DetectedSource detected) {
        long images = detected.root().files().stream().filter(ImageFiles::isImage).count();
        return images > 0 ? images : -1;
    }


    /** What writes a dataset into a folder. */
    @FunctionalInterface
    private interface FolderWork {
        void writeInto(Path folder) throws IOException;
    }

    /**
     * Writes into a new folder beside {@code output} and moves it into place only when all went
     * well: a failed conversion leaves no partial output, and a rerun finds the place free.
     */
    private static void intoFolder(Path output, FolderWork work) throws IOException {
        if (Files.exists(output) && !isEmptyDirectory(output)) {
            throw new FormatException(output + ": output folder exists and is not empty");
        }
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempDirectory(parent, "." + output.getFileName() + ".partial-");
        try {
            work.writeInto(partial);
            Files.deleteIfExists(output);
            Files.move(partial, output, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(partial);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
