package org.delphipanel.scoring.ui;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.List;
import java.util.Map;

/** Plain HTML tables (readable by screen readers and in print), built from rows of text. */
final class Table {

    /** One row: its cells' text, and data attributes for the first cell's row (e.g. data-target). */
    record Row(List<String> cells, Map<String, String> attributes) {
        Row(List<String> cells) {
            this(cells, Map.of());
        }
    }

    private Table() {
    }

    /** A table whose first column names the row (a row header). */
    static NativeTable of(String caption, List<String> headers, List<Row> rows) {
        var table = new NativeTable();
        table.addClassName("dp-table");
        table.setCaptionText(caption);
        table.getStyle().set("border-collapse", "collapse").set("margin-block", "var(--lumo-space-m)")
                .set("font-size", "var(--lumo-font-size-s)").set("display", "block").set("overflow-x", "auto");
        table.getCaption().getStyle().set("text-align", "start").set("font-weight", "600")
                .set("padding-block-end", "var(--lumo-space-xs)");
        NativeTableRow head = table.getHead().addRow();
        headers.forEach(h -> {
            var th = head.addHeaderCell();
            th.setText(h);
            th.getElement().setAttribute("scope", "col");
            pad(th.getElement());
        });
        NativeTableBody body = table.getBody();
        for (Row row : rows) {
            NativeTableRow tr = body.addRow();
            row.attributes().forEach((k, v) -> tr.getElement().setAttribute(k, v));
            for (int i = 0; i < row.cells().size(); i++) {
                if (i == 0) {
                    var th = tr.addHeaderCell();
                    th.setText(row.cells().get(i));
                    th.getElement().setAttribute("scope", "row");
                    pad(th.getElement());
                    th.getStyle().set("text-align", "start").set("white-space", "pre");
                } else {
                    NativeTableCell td = tr.addDataCell();
                    td.setText(row.cells().get(i));
                    td.getElement().setAttribute("data-column", headers.get(i));
                    pad(td.getElement());
                }
            }
        }
        return table;
    }

    private static void pad(com.vaadin.flow.dom.Element cell) {
        cell.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("vertical-align", "top");
    }
}
