/**
 * The format SPI: what every format package implements, and the registry that lists them.
 *
 * <p>A format is a {@link org.labelbridge.format.Format}: a
 * {@link org.labelbridge.format.FormatDescriptor} (id, CVAT display name, what it can hold),
 * a cheap {@link org.labelbridge.format.Format#detect detector}, a
 * {@link org.labelbridge.format.DatasetReader} that yields items one at a time and a
 * {@link org.labelbridge.format.DatasetWriter} that consumes them once. Readers see the
 * dataset through a {@link org.labelbridge.format.DatasetSource} (files under a root),
 * writers write to a {@link org.labelbridge.format.DatasetOutput}; neither knows whether it
 * is a zip, a tar or a folder. Formats depend on the model, this package and
 * {@code format.common} only. Adding a format is a new package plus one line in
 * {@link org.labelbridge.format.Formats}.
 */
package org.labelbridge.format;
