package org.delphipanel.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link Export} as an XLSX workbook with Apache POI: one sheet per table and a "Provenance"
 * sheet; a bold, frozen header row; numbers as numeric cells, booleans as boolean cells, text as string
 * cells. A string cell is never evaluated, even when its text starts with {@code =}, so text needs no
 * apostrophe here (unlike CSV). Column widths follow the longest value (capped), computed from text
 * lengths because POI's autosize needs fonts the server may not have. Stateless and thread-safe.
 */
public final class XlsxWriter {

    private static final int MAX_WIDTH_CHARS = 60;

    private XlsxWriter() {
    }

    public static byte[] write(Export export) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            // a string cell is never evaluated, but once someone edits it Excel would read =... as a
            // formula; the quote prefix (Excel's leading apostrophe) keeps it text without changing it
            CellStyle quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            for (Table table : export.tables()) {
                sheet(workbook, header, quoted, table);
            }
            sheet(workbook, header, quoted, export.provenance().asTable());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, CellStyle header, CellStyle quoted, Table table) {
        Sheet sheet = workbook.createSheet(table.name());
        int[] widths = new int[table.columns().size()];
        Row head = sheet.createRow(0);
        for (int c = 0; c < table.columns().size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(table.columns().get(c));
            cell.setCellStyle(header);
            widths[c] = table.columns().get(c).length();
        }
        int r = 1;
        for (List<@Nullable Object> values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                switch (value) {
                    case Number number -> cell.setCellValue(number.doubleValue());
                    case Boolean bool -> cell.setCellValue(bool);
                    default -> {
                        String text = (String) value;
                        cell.setCellValue(text);
                        if (!CsvWriter.neutralise(text).equals(text)) {
                            cell.setCellStyle(quoted);
                        }
                    }
                }
                widths[c] = Math.max(widths[c], CsvWriter.field(value).length());
            }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < widths.length; c++) {
            // POI measures widths in 1/256 of a character
            sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH_CHARS) + 2) * 256);
        }
    }
}
