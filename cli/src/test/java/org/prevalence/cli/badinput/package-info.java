/**
 * The bad-input suite: hundreds of bad or awkward inputs across every subcommand, each asserting exit
 * code 2, an error line naming the row, column, option or term at fault, and that no output file was
 * written. {@link org.prevalence.cli.badinput.BadInput} is the harness; each {@code *BadInputTest}
 * class holds the cases of one area.
 */
package org.prevalence.cli.badinput;
