/** The sign-in page, the invitation page and the people administration. */
@NullMarked
package org.delphipanel.security.ui;

import org.jspecify.annotations.NullMarked;
