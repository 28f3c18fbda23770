/**
 * Rubrics: versioned trees of weighted criteria with their scales and score bands, the validated
 * importer for rubric files (plain Java, usable from the command line) and their storage.
 */
@NullMarked
package org.delphipanel.framework;

import org.jspecify.annotations.NullMarked;
