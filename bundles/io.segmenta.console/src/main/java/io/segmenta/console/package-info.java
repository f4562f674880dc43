/**
 * Plain-text rendering shared by the Gogo shell commands and the command-line launcher: the stage list, the run
 * summary (data quality, segments, the movement since an earlier run, quality figures, timings, outputs), a
 * progress listener for terminals and logs, the parser of the run options, and the parser, runner and rendering of
 * sample generation ({@code generate}), so both front ends accept the same options and print the same text. No
 * ANSI codes: the output is meant for logs as much as for terminals.
 */
@Export
@Version("1.2.0")
package io.segmenta.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
