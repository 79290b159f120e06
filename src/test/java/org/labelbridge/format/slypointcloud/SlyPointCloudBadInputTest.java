package org.labelbridge.format.slypointcloud;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Corpus;

/** A Supervisely project whose files disagree with each other fails naming the file and the entry. */
class SlyPointCloudBadInputTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("a figure of an object the file does not have", "ds0/ann/frame2.pcd.json",
                        "\"objectKey\": \"76aadd13-e606-4bcc-891f-38385e22e17b\"", "\"objectKey\": \"nobody\"",
                        "ds0/ann/frame2.pcd.json, figures[0]: objectKey 'nobody' is not among the file's objects"),
                Arguments.of("a class meta.json does not declare", "ds0/ann/frame2.pcd.json",
                        "\"classTitle\": \"bus\"", "\"classTitle\": \"tram\"",
                        "ds0/ann/frame2.pcd.json, figures[0]: class 'tram' is not declared in meta.json"),
                Arguments.of("a coordinate that is text", "ds0/ann/frame2.pcd.json", "\"x\": 0.59", "\"x\": \"0.59\"",
                        "ds0/ann/frame2.pcd.json, figures[0]: geometry.position.x must be a number"),
                Arguments.of("a tag of an undeclared class", "meta.json", "\"classes\": []\n        },\n        {\n"
                        + "            \"name\": \"tag2\"", "\"classes\": [\"tram\"]\n        },\n        {\n"
                        + "            \"name\": \"tag2\"", "meta.json, tags[0]: tag 'tag1' names class 'tram'"),
                Arguments.of("an id that is not a number", "key_id_map.json", "\"videos\": {\n"
                        + "        \"e78200a6-2a02-4717-838e-33bed1eef292\": 0", "\"videos\": {\n"
                        + "        \"e78200a6-2a02-4717-838e-33bed1eef292\": \"zero\"",
                        "key_id_map.json, videos.e78200a6-2a02-4717-838e-33bed1eef292: expected an integer id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenFileFailsNamingWhere(String what, String file, String from, String to, String message) throws IOException {
        Path dataset = Corpus.copy("sly_pointcloud_1.0/sly_pointcloud_dataset", tmp.resolve("in"));
        String text = Files.readString(dataset.resolve(file));
        assertTrue(text.contains(from), what + ": the sample holds " + from);
        Files.writeString(dataset.resolve(file), text.replace(from, to));

        String error = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(dataset,
                "sly_pointcloud", "datumaro_3d", ConversionOptions.DEFAULTS, tmp.resolve("out.zip")))).getMessage();

        assertTrue(error.contains(message), what + ": expected '" + message + "' in: " + error);
    }
}
