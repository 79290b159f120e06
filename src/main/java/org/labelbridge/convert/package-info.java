/**
 * One conversion: open the input, find the dataset root and its format, stream items from the
 * reader through the transforms the {@link org.labelbridge.convert.ConversionOptions} ask for
 * (labels, subsets, shapes) and the fit to the target, to the writer, and account for every
 * item and annotation in a {@link org.labelbridge.convert.ConversionReport}; the items written
 * are also counted and checked by a {@link org.labelbridge.insight.DatasetInsight}, and the
 * output re-read for a preview when asked; a
 * {@link org.labelbridge.convert.ConversionListener} hears each stage and the progress. The
 * edges (CLI, Lambda function, local bucket mode) build a
 * {@link org.labelbridge.convert.ConversionRequest} and call
 * {@link org.labelbridge.convert.Converter#convert}; nothing here knows about S3 or Quarkus.
 */
package org.labelbridge.convert;
