/**
 * The command line: {@code ./labelbridge convert|detect|formats}. A plain {@code main}, no
 * framework, so it starts in a fraction of a second; it calls the same
 * {@link org.labelbridge.convert.Converter} as the Lambda function.
 */
package org.labelbridge.cli;
