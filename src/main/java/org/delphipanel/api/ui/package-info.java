/** The view where people create and revoke their API tokens. */
@NullMarked
package org.delphipanel.api.ui;

import org.jspecify.annotations.NullMarked;
