package org.labelbridge.format.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Datasets;

/** Broken CVAT files fail with the file, the line and what was expected. */
class CvatBadInputTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<annotations>\n"
            + "  <version>1.1</version>\n"
            + "  <meta><task><labels><label><name>car</name></label></labels>"
            + "<original_size><width>10</width><height>10</height></original_size></task></meta>\n";

    @TempDir
    Path dir;

    private String error(String body) throws IOException {
        Files.writeString(dir.resolve("annotations.xml"), HEAD + body);
        FormatException e = assertThrows(FormatException.class,
                () -> Datasets.read(new CvatImagesFormat(), DirectorySource.of(dir)));
        return e.getMessage().substring(e.getMessage().indexOf("annotations.xml"));
    }

    @Test
    void malformedXmlNamesTheLine() throws IOException {
        String message = error("  <image id=\"0\" name=\"a.jpg\" width=\"10\" height=\"10\">\n"
                + "    <box label=\"car\" xtl=\"1\" ytl=\"1\" xbr=\"2\" ybr=\"2\">\n"
                + "  </image>\n</annotations>\n");
        assertEquals("annotations.xml, line 7", message.substring(0, message.indexOf(", column")));
    }

    @Test
    void aNonNumericCoordinateNamesLineElementAndAttribute() throws IOException {
        assertEquals("annotations.xml, line 6: <box> attribute 'ytl' must be a number, got 'top'",
                error("  <image id=\"0\" name=\"a.jpg\" width=\"10\" height=\"10\">\n"
                        + "    <box label=\"car\" xtl=\"1\" ytl=\"top\" xbr=\"2\" ybr=\"2\"/>\n"
                        + "  </image>\n</annotations>\n"));
    }

    @Test
    void aMissingCoordinateNamesTheAttribute() throws IOException {
        assertEquals("annotations.xml, line 6: <box> needs the attribute 'xbr'",
                error("  <image id=\"0\" name=\"a.jpg\" width=\"10\" height=\"10\">\n"
                        + "    <box label=\"car\" xtl=\"1\" ytl=\"1\" ybr=\"2\"/>\n"
                        + "  </image>\n</annotations>\n"));
    }

    @Test
    void brokenPointsInATrackAreReported() throws IOException {
        assertEquals("annotations.xml, line 6: <polygon> attribute 'points' must be x,y pairs separated by ';', "
                        + "got '1,2;3'",
                error("  <track id=\"0\" label=\"car\">\n"
                        + "    <polygon frame=\"0\" keyframe=\"1\" outside=\"0\" points=\"1,2;3\"/>\n"
                        + "  </track>\n</annotations>\n"));
    }

    @Test
    void pointsAreReadInPlaceWithTheRulesOfASplit() throws IOException {
        for (String bad : new String[] {"1,2;3", "1,2,3;4,5", ",1;2,3", "1;2", ""}) {
            String message = error("  <image id=\"0\" name=\"a.jpg\" width=\"10\" height=\"10\">\n"
                    + "    <polyline label=\"car\" points=\"" + bad + "\"/>\n  </image>\n</annotations>\n");
            assertTrue(message.startsWith("annotations.xml, line 6: <polyline> attribute 'points' must be"), bad + ": " + message);
        }
        assertEquals("annotations.xml, line 6: <polyline> attribute 'points' must be a number, got 'x'",
                error("  <image id=\"0\" name=\"a.jpg\" width=\"10\" height=\"10\">\n"
                        + "    <polyline label=\"car\" points=\"1,2;x,3\"/>\n  </image>\n</annotations>\n"));
    }

    @Test
    void aMaskWithMoreRunsThanItsBoxIsRefused() throws IOException {
        assertEquals("annotations.xml, line 6: <mask> the runs cover more than the 2x2 box (4 pixels)",
                error("  <image id=\"0\" name=\"a.jpg\" width=\"10\" height=\"10\">\n"
                        + "    <mask label=\"car\" rle=\"1, 4\" left=\"0\" top=\"0\" width=\"2\" height=\"2\"/>\n"
                        + "  </image>\n</annotations>\n"));
    }

    @Test
    void aTrackShapeNeedsItsFrame() throws IOException {
        assertEquals("annotations.xml, line 6: a <box> of a <track> needs the attribute 'frame'",
                error("  <track id=\"0\" label=\"car\">\n"
                        + "    <box keyframe=\"1\" xtl=\"1\" ytl=\"1\" xbr=\"2\" ybr=\"2\"/>\n"
                        + "  </track>\n</annotations>\n"));
    }

    @Test
    void tracksAfterImagesAreRefused() throws IOException {
        assertEquals("annotations.xml, line 6: a <track> after <image> elements: CVAT writes either images "
                        + "(CVAT for images) or tracks (CVAT for video), not both",
                error("  <image id=\"0\" name=\"a.jpg\"/>\n  <track id=\"0\" label=\"car\"/>\n</annotations>\n"));
    }

    @Test
    void itemsBeforeTheMetaAreRefused(@TempDir Path other) throws IOException {
        Files.writeString(other.resolve("annotations.xml"),
                "<annotations>\n<version>1.1</version>\n<image id=\"0\" name=\"a.jpg\"/>\n</annotations>");
        FormatException e = assertThrows(FormatException.class,
                () -> Datasets.read(new CvatImagesFormat(), DirectorySource.of(other)));
        assertEquals("annotations.xml, line 3: expected <meta> (the labels) before the first <image>",
                e.getMessage().substring(e.getMessage().indexOf("annotations.xml")));
    }

    @Test
    void aFolderWithoutCvatXmlIsRefused(@TempDir Path other) throws IOException {
        Files.writeString(other.resolve("a.xml"), "<annotation/>");
        FormatException e = assertThrows(FormatException.class,
                () -> Datasets.read(new CvatImagesFormat(), DirectorySource.of(other)));
        assertEquals(List.of(true), List.of(e.getMessage().contains("no CVAT annotation file")));
    }
}
