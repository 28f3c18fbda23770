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
        NativeTableRow head = table.getHead().addRow();
        headers.forEach(h -> head.addHeaderCell().setText(h));
        NativeTableBody body = table.getBody();
        for (Row row : rows) {
            NativeTableRow tr = body.addRow();
            row.attributes().forEach((k, v) -> tr.getElement().setAttribute(k, v));
            for (int i = 0; i < row.cells().size(); i++) {
                if (i == 0) {
                    var th = tr.addHeaderCell();
                    th.setText(row.cells().get(i));
                    th.getElement().setAttribute("scope", "row");
                } else {
                    NativeTableCell td = tr.addDataCell();
                    td.setText(row.cells().get(i));
                    td.getElement().setAttribute("data-column", headers.get(i));
                }
            }
        }
        return table;
    }
}
