/** The demo study that makes a first run look like a living platform; seeded only on an empty database when enabled. */
@NullMarked
package org.delphipanel.demo;

import org.jspecify.annotations.NullMarked;
