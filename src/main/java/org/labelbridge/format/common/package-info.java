/**
 * Helpers shared by formats: safe XML parsing, COCO's RLE string codec, image headers, and the
 * one mapping from ids and label names to names in output paths ({@code FileNames},
 * {@code LabelFileNames}, {@code FlatFolderIds}).
 * Framework-free; formats may depend on this package and the model only.
 *
 * <p>One of each thing, used by every format: {@link org.labelbridge.format.common.ImageFiles}
 * says which files are images (Datumaro's list; Ultralytics' for the Ultralytics layouts);
 * {@link org.labelbridge.format.common.TextFiles} opens text files and detector heads with a
 * leading byte-order mark skipped; {@link org.labelbridge.format.common.ImageHeaders} reads an
 * image's size and gives an item's media; {@code pixels.PixelValues} turns mask pixels into
 * annotations.
 */
package org.labelbridge.format.common;
