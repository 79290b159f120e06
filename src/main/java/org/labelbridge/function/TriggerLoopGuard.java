package org.labelbridge.function;

/**
 * Refuses outputs that would trigger a conversion again. An object created in the input
 * bucket under a function folder ({@code <from>-to-<to>/}) starts that function, so writing
 * there from a conversion loops (or, at best, feeds a zip to the wrong function).
 */
final class TriggerLoopGuard {

    private TriggerLoopGuard() {
    }

    /**
     * Throws when {@code output} is in the bucket {@code input} was read from and either under
     * the prefix it was read from (its function folder, else its folder) or under any function
     * folder.
     */
    static void check(S3Uri input, S3Uri output) {
        // Bucket names are lower case; an old one in another case may still be the same bucket.
        if (!input.bucket().equalsIgnoreCase(output.bucket())) {
            return;
        }
        String readPrefix = FunctionNames.triggerPrefixOf(input.key()).orElse(input.folder());
        String outputKey = output.key();
        String why = null;
        if (outputKey.startsWith(readPrefix)) {
            why = "it is under the prefix '" + readPrefix + "' the input was read from";
        } else if (FunctionNames.triggerPrefixOf(outputKey).isPresent()) {
            why = "'" + FunctionNames.triggerPrefixOf(outputKey).get() + "' is a function's trigger prefix";
        }
        if (why != null) {
            throw new IllegalArgumentException("refusing to write " + output + " into the bucket the input was read"
                    + " from: " + why + ", so the output would trigger a conversion again (a loop);"
                    + " write to another bucket or prefix");
        }
    }
}
