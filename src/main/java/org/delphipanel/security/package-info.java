/** Who may sign in and what they may do: users, roles, invitations, the login and the HTTP security rules. */
@NullMarked
package org.delphipanel.security;

import org.jspecify.annotations.NullMarked;
