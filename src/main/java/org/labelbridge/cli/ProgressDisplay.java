package org.labelbridge.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.labelbridge.convert.ConversionListener;

/**
 * Shows a conversion's progress on standard error: on a terminal a bar redrawn in place a few
 * times a second (its total is the images under the dataset root, an estimate; without one it
 * shows a moving marker), elsewhere a plain line every few seconds, so logs and pipes get
 * readable lines rather than carriage returns.
 */
final class ProgressDisplay implements ConversionListener {

    private static final int WIDTH = 24;

    private final PrintStream err;
    private final boolean terminal;
    private final long intervalMillis;
    private boolean barShown;
    private int tick;

    ProgressDisplay(PrintStream err, boolean terminal, long intervalMillis) {
        this.err = err;
        this.terminal = terminal;
        this.intervalMillis = intervalMillis;
    }

    static ProgressDisplay forStandardError(PrintStream err, boolean terminal) {
        return new ProgressDisplay(err, terminal, terminal ? 200 : 5_000);
    }

    @Override
    public long progressIntervalMillis() {
        return intervalMillis;
    }

    @Override
    public void progress(Progress p) {
        if (terminal) {
            err.print("\r" + bar(p) + "  " + counts(p));
            err.flush();
            barShown = true;
        } else {
            err.println("labelbridge: " + counts(p));
        }
    }

    @Override
    public void stage(String stage, long millis, Map<String, Object> counts) {
        if (barShown && stage.equals("convert")) {
            err.print("\r" + " ".repeat(WIDTH + 70) + "\r");
            err.flush();
            barShown = false;
        }
    }

    private String bar(Progress p) {
        char[] cells = new char[WIDTH];
        java.util.Arrays.fill(cells, ' ');
        double fraction = p.fraction();
        if (fraction >= 0) {
            int full = (int) Math.round(fraction * WIDTH);
            java.util.Arrays.fill(cells, 0, full, '#');
        } else {
            // Unknown total: a marker that moves back and forth.
            int span = WIDTH - 3;
            int at = tick++ % (2 * span);
            at = at < span ? at : 2 * span - at;
            cells[at] = '<';
            cells[at + 1] = '=';
            cells[at + 2] = '>';
        }
        return "[" + new String(cells) + "]" + (fraction >= 0 ? String.format(Locale.ROOT, " %3d%%", (int) (fraction * 100)) : "");
    }

    private static String counts(Progress p) {
        String items = p.expectedItems() > 0
                ? String.format(Locale.ROOT, "%d of ~%d items", p.items(), p.expectedItems())
                : p.items() + " items";
        return String.format(Locale.ROOT, "%s, %d annotations read, %.1f s", items, p.annotations(),
                p.elapsedMillis() / 1000.0);
    }
}
