package org.labelbridge.archive;

import java.io.IOException;

/** An archive that tries to read or write outside its own tree, or exceeds a safety limit. */
public class UnsafeArchiveException extends IOException {
    public UnsafeArchiveException(String message) {
        super(message);
    }
}
