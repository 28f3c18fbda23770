/** The application shell shared by every feature's views: main layout, error pages, small shared components. */
@NullMarked
package org.delphipanel.base.ui;

import org.jspecify.annotations.NullMarked;
