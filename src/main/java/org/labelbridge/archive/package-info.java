/**
 * Archives in and out. Reads a zip, a tar, a tar.gz/tgz, a folder, or one bare annotation
 * file as a {@link org.labelbridge.format.DatasetSource}; writes the output zip as a stream
 * of entries, copying image entries raw (a zip entry's compressed bytes are moved as they
 * are: never decoded, never recompressed). Entry names are checked on the way in: nothing
 * outside the archive's own tree is ever read or written.
 */
package org.labelbridge.archive;
