package org.labelbridge.format.kittiraw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** A broken tracklet file or frame list fails the conversion naming the file, the line and what was expected. */
class KittiRawBadInputTest {

    private static final String SAMPLE = "kitti_raw_1.0/kitti_raw";

    @TempDir
    Path tmp;

    static Stream<Arguments> brokenTracklets() {
        return Stream.of(
                Arguments.of("a pose count that disagrees with the poses", "<count>2</count>", "<count>3</count>",
                        "line 79: tracklet 1: <poses> <count> says 3 but 2 poses are there"),
                Arguments.of("a coordinate that is not a number", "<tx>0.0</tx>", "<tx>zero</tx>",
                        "line 63: tracklet 1 pose 1 <tx> is not a number: 'zero'"),
                Arguments.of("a tracklet without its type", "<objectType>bus</objectType>", "",
                        "tracklet 1 has no <objectType>"),
                Arguments.of("a negative first frame", "<first_frame>2</first_frame>", "<first_frame>-2</first_frame>",
                        "tracklet 2 needs a <first_frame> of 0 or more, got -2"),
                Arguments.of("a pose without its position", "<ty>2.0</ty>", "",
                        "tracklet 0 pose 0 needs <tx>, <ty>, <tz>, <rx>, <ry> and <rz>"),
                Arguments.of("a DOCTYPE that declares something", "<!DOCTYPE boost_serialization>",
                        "<!DOCTYPE boost_serialization [<!ENTITY e \"x\">]>", "DOCTYPE is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTracklets")
    void aBrokenTrackletFileFailsNamingWhere(String what, String from, String to, String message) throws IOException {
        Path dataset = Corpus.copy(SAMPLE, tmp.resolve("in"));
        Path file = dataset.resolve("tracklet_labels.xml");
        Files.writeString(file, Files.readString(file).replaceFirst(java.util.regex.Pattern.quote(from), to));

        String error = failure(dataset);

        assertTrue(error.contains("tracklet_labels.xml"), what + ": " + error);
        assertTrue(error.contains(message), what + ": expected '" + message + "' in: " + error);
    }

    @Test
    void aBrokenFrameListLineFailsNamingIt() throws IOException {
        Path dataset = Corpus.copy(SAMPLE, tmp.resolve("in"));
        Files.writeString(dataset.resolve("frame_list.txt"), "0 0000000000\nfirst 0000000001\n");

        assertTrue(failure(dataset).endsWith("frame_list.txt, line 2: expected '<frame number> <name>', got"
                + " 'first 0000000001'"), failure(dataset));
    }

    @Test
    void aFrameListNamesFramesAndAddsThoseWithoutTracklets() throws IOException {
        Path dataset = Corpus.copy(SAMPLE, tmp.resolve("in"));
        Files.writeString(dataset.resolve("frame_list.txt"), "# frames\n0 0000000000\n1 0000000001\n2 0000000002\n"
                + "5 extra\n");

        Datasets.Converted out = Datasets.convert(dataset, "kitti_raw", "datumaro_3d", tmp.resolve("out"),
                ConversionOptions.DEFAULTS);

        assertEquals(4, out.output().items().size());
        assertEquals(5L, out.output().item("extra").frame());
        assertEquals(java.util.List.of(), out.output().item("extra").annotations());
    }

    private String failure(Path dataset) {
        return assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(dataset, "kitti_raw",
                "datumaro_3d", ConversionOptions.DEFAULTS, Files.createTempDirectory(tmp, "out").resolve("out.zip"))))
                .getMessage();
    }
}
