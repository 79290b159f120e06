package org.labelbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.convert.ConversionListener.Progress;

class ProgressDisplayTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void onATerminalABarIsRedrawnInPlaceAndClearedWhenTheStreamEnds() {
        ProgressDisplay display = ProgressDisplay.forStandardError(err, true);
        assertEquals(200, display.progressIntervalMillis());

        display.progress(new Progress(600, 1500, 2400, 3200));
        display.progress(new Progress(1200, 3000, 2400, 6400));
        display.stage("convert", 7000, Map.of());

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\r[######                  ]  25%  600 of ~2400 items, 1500 annotations read, 3.2 s"
                + "\r[############            ]  50%  1200 of ~2400 items, 3000 annotations read, 6.4 s\r"), shown);
        assertTrue(shown.endsWith(" \r"), "the bar is wiped before the summary: " + shown);
        assertFalse(shown.contains("\n"), shown);
    }

    @Test
    void withoutAnEstimateTheBarShowsAMovingMarker() {
        ProgressDisplay display = ProgressDisplay.forStandardError(err, true);
        display.progress(new Progress(10, 20, -1, 1000));
        display.progress(new Progress(20, 40, -1, 2000));

        assertEquals("\r[<=>                     ]  10 items, 20 annotations read, 1.0 s"
                + "\r[ <=>                    ]  20 items, 40 annotations read, 2.0 s", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void elsewhereAPlainLineEveryFewSeconds() {
        ProgressDisplay display = ProgressDisplay.forStandardError(err, false);
        assertEquals(5_000, display.progressIntervalMillis());

        display.progress(new Progress(1200, 3000, 2400, 5000));
        display.stage("convert", 7000, Map.of());

        assertEquals("labelbridge: 1200 of ~2400 items, 3000 annotations read, 5.0 s\n",
                bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
