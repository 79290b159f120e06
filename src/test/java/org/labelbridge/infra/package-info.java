/**
 * Tests of the Terraform configuration in {@code infra/}: parsed with hcl4j (there is no
 * Terraform binary on the build machines) and cross-checked against {@code functions/}, the
 * Funqy function and the README, so that the wiring cannot drift unnoticed.
 */
package org.labelbridge.infra;
