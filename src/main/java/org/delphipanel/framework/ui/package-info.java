/** The rubric browser: a framework's criteria tree, weights, scale descriptors and bands. */
@NullMarked
package org.delphipanel.framework.ui;

import org.jspecify.annotations.NullMarked;
