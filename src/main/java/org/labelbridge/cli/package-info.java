/**
 * The command line: {@code ./labelbridge convert|stats|validate|detect|formats|serve}. A plain {@code main}, no
 * framework, so it starts in a fraction of a second; it calls the same
 * {@link org.labelbridge.convert.Converter} as the Lambda function. Each command declares its
 * flags once ({@link org.labelbridge.cli.Command}): the parser accepts those and {@code --help}
 * lists those.
 */
package org.labelbridge.cli;
