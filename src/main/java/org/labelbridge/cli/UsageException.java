package org.labelbridge.cli;

/** The command line was not understood. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
