package org.delphipanel.scoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SvgTest {

    private final Svg chart = new Svg(100, 50, "Scores <A & B>", "Two bars: A 1.0, B \"2.0\".")
            .rect(10, 10, 30, 30, "#000000", "")
            .line(50, 5, 90, 5, "#1f5fa8", 2)
            .circle(70, 30, 5, "#ff0000", "")
            .text(60, 45, "A < B", 10, "middle");

    @Test
    void the_svg_is_an_image_with_an_escaped_title_and_description_for_screen_readers() {
        String svg = chart.toSvg();

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"").endsWith("</svg>")
                .contains(">Scores &lt;A &amp; B&gt;</title>")
                .contains(">Two bars: A 1.0, B &quot;2.0&quot;.</desc>")
                .contains("<rect x=\"10.0\" y=\"10.0\" width=\"30.0\" height=\"30.0\" fill=\"#000000\"/>")
                .contains("text-anchor=\"middle\"").contains(">A &lt; B</text>")
                .containsPattern("aria-labelledby=\"chart-[0-9a-f-]+-title chart-[0-9a-f-]+-desc\"");
    }

    @Test
    void the_png_draws_the_same_shapes_at_twice_the_size() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.toPng()));

        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(100);
        // inside the black square (10..40 at scale 2 = 20..80), in the red dot, and on the white background
        assertThat(image.getRGB(50, 50) & 0xffffff).isEqualTo(0x000000);
        assertThat(image.getRGB(140, 60) & 0xffffff).isEqualTo(0xff0000);
        assertThat(image.getRGB(190, 90) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void heatmap_shades_run_from_pale_for_agreement_to_dark_for_disagreement() {
        assertThat(Charts.shade(0)).isEqualTo("#fff7de");
        assertThat(Charts.shade(1)).isEqualTo("#8c2d04");
        assertThat(Charts.wrap("Operational risk tolerance", 18)).containsExactly("Operational risk", "tolerance");
    }
}
