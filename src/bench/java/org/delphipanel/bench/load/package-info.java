/**
 * Load and start-up measurements of the whole application (profile {@code bench}; docs/performance.md):
 * many experts rating at once through the service layer or the HTTP API, on H2 and PostgreSQL.
 */
@NullMarked
package org.delphipanel.bench.load;

import org.jspecify.annotations.NullMarked;
