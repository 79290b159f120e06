package org.labelbridge.format.mot;

import org.apache.commons.csv.CSVRecord;
import org.labelbridge.format.FormatException;

/**
 * One line of gt.txt: {@code frame_id, track_id, x, y, w, h, "not ignored", class_id,
 * visibility}; the last three may be missing (visible, not ignored, no class), further values
 * are ignored.
 *
 * @param classId the 1-based class, or {@code null} when the row has none (or -1)
 */
record MotRow(long frame, long trackId, double x, double y, double w, double h, double notIgnored,
              Integer classId, double visibility) {

    static final int MIN_VALUES = 6;

    /** The row of a record (one record a line); {@code file} names gt.txt in errors. */
    static MotRow parse(CSVRecord record, String file, int labelCount) throws FormatException {
        Line line = new Line(record, file);
        if (record.size() < MIN_VALUES) {
            throw line.error("expected at least 6 comma-separated values (frame, track, x, y, w, h), got "
                    + record.size());
        }
        long frame = line.whole(0, "frame");
        if (frame < 1) {
            throw line.error("frame " + frame + ": MOT numbers frames from 1");
        }
        long track = line.whole(1, "track id");
        Integer classId = null;
        if (line.present(7)) {
            long value = line.whole(7, "class id");
            if (value == 0 || value < -1) {
                throw line.error("class id " + value + ": MOT numbers classes from 1 (-1 for none)");
            }
            if (value > labelCount) {
                throw line.error("class id " + value + ", but there are " + labelCount + " labels");
            }
            classId = value == -1 ? null : (int) value;
        }
        return new MotRow(frame, track, line.number(2, "x"), line.number(3, "y"), line.number(4, "w"),
                line.number(5, "h"), line.present(6) ? line.number(6, "\"not ignored\" flag") : 1,
                classId, line.present(8) ? line.number(8, "visibility") : 1);
    }

    /** A record being read, for values and errors that name its line. */
    private record Line(CSVRecord record, String file) {

        boolean present(int index) {
            return index < record.size() && !record.get(index).isEmpty();
        }

        long whole(int index, String what) throws FormatException {
            String text = record.get(index);
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw error("the " + what + " must be a whole number, got '" + text + "'");
            }
        }

        double number(int index, String what) throws FormatException {
            String text = record.get(index);
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("the " + what + " must be a number, got '" + text + "'");
        }

        FormatException error(String message) {
            return FormatException.at(file, "line " + record.getRecordNumber(), message);
        }
    }
}
