package org.labelbridge.archive;

import org.labelbridge.format.FormatException;

/** An archive that tries to read or write outside its own tree, or exceeds a safety limit. */
public class UnsafeArchiveException extends FormatException {
    public UnsafeArchiveException(String message) {
        super(message);
    }
}
