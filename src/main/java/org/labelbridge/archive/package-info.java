/**
 * Archives in and out. Reads a zip, a tar, a tar.gz/tgz, a folder, or one bare annotation
 * file as a {@link org.labelbridge.format.DatasetSource}, nothing extracted: a zip is read in
 * place from its directory ({@link org.labelbridge.archive.ZipSource}), a tar in place after
 * one pass that indexes it ({@link org.labelbridge.archive.TarSource}), a tar.gz by inflating
 * it once into a {@link org.labelbridge.archive.ScratchCopy} of the plain tar, read the same
 * way (the input says where the copy goes: a local file, an object beside an S3 output).
 * Writes the output zip as a stream of entries, copying image entries raw (a zip entry's
 * compressed bytes are moved as they are: never decoded, never recompressed). Entry names are
 * checked on the way in: nothing outside the archive's own tree is ever read or written.
 */
package org.labelbridge.archive;
