/**
 * What a dataset looks like, seen while it streams: {@link org.labelbridge.insight.DatasetStatistics}
 * (counts per subset, label and kind, fixed-bucket histograms, capped value counts) and
 * {@link org.labelbridge.insight.DatasetValidation} (checks that hurt training, each a
 * {@link org.labelbridge.insight.Finding} with a stable id), fed one item at a time by
 * {@link org.labelbridge.insight.DatasetInsight} from the conversion's own pass, never a second
 * one; then, from the written output re-read by its own reader, a
 * {@link org.labelbridge.insight.ContactSheet} of a few items, and the self-contained
 * {@link org.labelbridge.insight.ReportPage}. Depends on the model, the format registry and the
 * archive package; knows nothing of the edges.
 */
package org.labelbridge.insight;
