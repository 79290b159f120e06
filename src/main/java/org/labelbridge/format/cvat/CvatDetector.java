package org.labelbridge.format.cvat;

import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;

/**
 * Recognises CVAT XML from the head of an {@code .xml} file at the root: the root element
 * {@code <annotations>} and {@code <version>1.1</version>}. Both CVAT formats read either
 * flavour; the video one is surer when the first element after the meta is a {@code <track>}
 * (or, with no element in sight, a task is in interpolation mode), the images one otherwise,
 * so that the two never tie.
 */
final class CvatDetector {

    private static final int HEAD_BYTES = 64 * 1024;
    private static final int MAX_FILES = 4;
    /** How much less sure a format is of the other flavour. */
    private static final int OTHER_FLAVOUR = 10;

    /** What the head of a CVAT file showed. */
    record Sniff(String file, boolean version11, boolean video) {
    }

    private CvatDetector() {
    }

    static Detection detect(DatasetSource source, boolean forVideo) throws IOException {
        Sniff sniff = sniff(source);
        if (sniff == null) {
            return Detection.NONE;
        }
        int confidence = sniff.version11() ? Detection.STRONG : Detection.MEDIUM;
        if (sniff.video() != forVideo) {
            confidence -= OTHER_FLAVOUR;
        }
        String evidence = sniff.file() + ": <annotations>" + (sniff.version11() ? " version 1.1" : "")
                + (sniff.video() ? ", tracks (video)" : ", images");
        return new Detection(confidence, evidence);
    }

    static Sniff sniff(DatasetSource source) throws IOException {
        List<String> files = new ArrayList<>();
        for (String file : source.filesIn("")) {
            if (file.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                if (file.equals(CvatLayout.ANNOTATIONS_FILE)) {
                    files.add(0, file);
                } else {
                    files.add(file);
                }
            }
        }
        for (String file : files.subList(0, Math.min(MAX_FILES, files.size()))) {
            Sniff sniff = sniffHead(source.head(file, HEAD_BYTES), file);
            if (sniff != null) {
                return sniff;
            }
        }
        return null;
    }

    /** Reads as much of the head as parses; {@code null} when the root is not {@code <annotations>}. */
    static Sniff sniffHead(byte[] head, String file) {
        boolean version11 = false;
        boolean interpolation = false;
        String firstItem = null;
        try (XmlCursor xml = XmlCursor.of(new ByteArrayInputStream(head), file)) {
            if (xml.next() != START_ELEMENT || !CvatLayout.ROOT.equals(xml.name())) {
                return null;
            }
            try {
                int depth = 1;
                while (depth > 0 && firstItem == null) {
                    int event = xml.next();
                    if (event == END_DOCUMENT) {
                        break;
                    } else if (event == END_ELEMENT) {
                        depth--;
                    } else if (depth == 1 && (CvatLayout.TRACK.equals(xml.name())
                            || CvatLayout.IMAGE.equals(xml.name()))) {
                        firstItem = xml.name();
                    } else if (depth == 1 && "version".equals(xml.name())) {
                        version11 = CvatLayout.VERSION.equals(xml.text().trim());
                    } else if ("mode".equals(xml.name())) {
                        interpolation |= "interpolation".equals(xml.text().trim());
                    } else {
                        depth++;
                    }
                }
            } catch (FormatException e) {
                // the head ends mid-document: what was seen is the answer
            }
        } catch (IOException e) {
            return null; // not XML at all
        }
        boolean video = CvatLayout.TRACK.equals(firstItem) || (firstItem == null && interpolation);
        return new Sniff(file, version11, video);
    }
}
