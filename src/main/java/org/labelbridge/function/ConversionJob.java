package org.labelbridge.function;

import org.labelbridge.convert.ConversionOptions;

/**
 * One archive to convert and where its results go, fully decided before anything is
 * downloaded: the options are parsed and the loop guard has passed.
 *
 * @param from        source format id or {@code auto}
 * @param output      the output zip
 * @param report      the report JSON beside it
 * @param errorReport where a failed run says why, instead of the zip and report
 */
public record ConversionJob(S3Uri input, String from, String to, ConversionOptions options,
                            S3Uri output, S3Uri report, S3Uri errorReport) {

    private static final String REPORT_SUFFIX = ".report.json";

    /** The preview contact sheet beside the report: {@code <name>.preview.png}. */
    public S3Uri preview() {
        return besideReport(".preview.png");
    }

    /** The report as a page beside the report: {@code <name>.report.html}. */
    public S3Uri page() {
        return besideReport(".report.html");
    }

    private S3Uri besideReport(String suffix) {
        String key = report.key();
        String base = key.endsWith(REPORT_SUFFIX) ? key.substring(0, key.length() - REPORT_SUFFIX.length()) : key;
        return new S3Uri(report.bucket(), base + suffix);
    }
}
