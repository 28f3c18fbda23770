package org.delphipanel.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void typed_text_is_escaped_so_markup_shows_as_text() {
        assertThat(Html.escape("<script>alert('x')</script> & \"co\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;");
        assertThat(Html.escape("bell\u0007")).isEqualTo("bell");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void the_markdown_of_the_docs_becomes_well_formed_xhtml() {
        assertThat(Html.inline("`a<b` is **strong**, *slanted* and <https://repository.upenn.edu/asc_papers/43>"))
                .isEqualTo("<code>a&lt;b</code> is <strong>strong</strong>, <em>slanted</em> and"
                        + " <a href=\"https://repository.upenn.edu/asc_papers/43\">https://repository.upenn.edu/asc_papers/43</a>");
        // an asterisk inside a formula stays a character
        assertThat(Html.inline("`n*m` and 2 * 3")).isEqualTo("<code>n*m</code> and 2 * 3");
        assertThat(Html.block("| a | b \\| c |\n|---|---|\n| 1 | `x` |"))
                .isEqualTo("<table class=\"md\"><tr><th>a</th><th>b | c</th></tr><tr><td>1</td><td><code>x</code></td></tr></table>");
        assertThat(Html.block("1. one\n   more\n2. two")).isEqualTo("<ol><li>one more</li><li>two</li></ol>");
        assertThat(Html.block("- x\n- y")).isEqualTo("<ul><li>x</li><li>y</li></ul>");
        assertThat(Html.block("a\nb")).isEqualTo("<p>a b</p>");
    }
}
