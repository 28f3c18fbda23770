/**
 * The command line: {@code java -jar delphi-panel.jar agreement|rounds|score ...} reads long-format CSV
 * files, runs the statistics core and prints JSON, without starting the web application.
 */
@NullMarked
package org.delphipanel.cli;

import org.jspecify.annotations.NullMarked;
