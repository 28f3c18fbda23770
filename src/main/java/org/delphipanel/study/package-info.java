/** Studies: the rubric version and rules they fix, the targets and evidence rated, the panel, and the rounds' lifecycle. */
@NullMarked
package org.delphipanel.study;

import org.jspecify.annotations.NullMarked;
