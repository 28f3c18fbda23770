package org.delphipanel.scoring.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * A chart on the page (inline SVG with its title and description as text alternatives) with links to
 * download it as SVG and as PNG.
 */
final class ChartPanel extends Div {

    private final Svg chart;

    ChartPanel(Svg chart, String fileName) {
        this.chart = chart;
        addClassName("dp-chart");
        // wrapped in a div so the browser parses the markup as SVG (innerHTML), not as an unknown HTML tag
        add(new Html("<div class=\"dp-chart-figure\">" + chart.toSvg() + "</div>"));
        var links = new Div();
        links.addClassName("dp-chart-downloads");
        links.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("margin-block-end", "var(--lumo-space-m)");
        getStyle().set("overflow-x", "auto");
        links.add(download("Download SVG", fileName + ".svg", "image/svg+xml", true),
                download("Download PNG", fileName + ".png", "image/png", false));
        add(links);
    }

    Svg chart() {
        return chart;
    }

    private Anchor download(String label, String fileName, String contentType, boolean svg) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = svg ? ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.toSvg()).getBytes(StandardCharsets.UTF_8)
                    : chart.toPng();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        });
        var anchor = new Anchor(handler, AttachmentType.DOWNLOAD, label);
        anchor.getElement().setAttribute("aria-label", label + ": " + chart.title());
        return anchor;
    }
}
