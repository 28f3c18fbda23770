/** Exports of a study's results, ratings and round statistics (CSV, XLSX, JSON, ZIP), and the all-or-nothing ratings import. */
@NullMarked
package org.delphipanel.export;

import org.jspecify.annotations.NullMarked;
