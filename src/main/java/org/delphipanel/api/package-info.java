/**
 * The REST API under {@code /api}: personal API tokens (stored hashed), their bearer authentication in a
 * stateless security chain of its own, and endpoints that call the other features' public services exactly
 * as the views do, with the token's scope and study restriction checked on top.
 */
@NullMarked
package org.delphipanel.api;

import org.jspecify.annotations.NullMarked;
