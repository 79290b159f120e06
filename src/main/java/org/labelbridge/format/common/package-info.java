/**
 * Helpers shared by formats: safe XML parsing, COCO's RLE string codec, image headers, and the
 * one mapping from ids and label names to names in output paths ({@code FileNames},
 * {@code LabelFileNames}, {@code FlatFolderIds}).
 * Framework-free; formats may depend on this package and the model only.
 */
package org.labelbridge.format.common;
