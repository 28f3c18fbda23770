/** The append-only audit log: who did what to which entity, when, with the state before and after. */
@NullMarked
package org.delphipanel.audit;

import org.jspecify.annotations.NullMarked;
