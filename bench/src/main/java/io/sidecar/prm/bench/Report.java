package io.sidecar.prm.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's one table, printed and written as Markdown and JSON. */
final class Report {

    /**
     * One row: a figure of ours beside the ceiling it is measured against.
     *
     * @param ceiling the raw store's figure for the same kind of work, measured in this run, or {@code null}
     */
    record Row(
            String what,
            double value,
            String unit,
            Double p50Millis,
            Double p99Millis,
            String ceilingName,
            Double ceiling,
            String note) {

        Double ratio() {
            return ceiling == null || ceiling == 0 ? null : value / ceiling;
        }
    }

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> sections = new LinkedHashMap<>();

    void header(String name, Object value) {
        header.put(name, value);
    }

    void add(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "  %-58s %14s %s%n", row.what(), number(row.value()), row.unit());
    }

    /** A Markdown section after the table (profiles, notes). */
    void section(String title, String markdown) {
        sections.put(title, markdown);
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# Sidecar PRM benchmark\n\n");
        header.forEach((name, value) ->
                out.append("- ").append(name).append(": ").append(value).append('\n'));
        out.append("\n| what | figure | p50 | p99 | ceiling (same run) | ratio | note |\n");
        out.append("|---|---:|---:|---:|---|---:|---|\n");
        for (Row row : rows) {
            out.append("| ")
                    .append(row.what())
                    .append(" | ")
                    .append(number(row.value()))
                    .append(' ')
                    .append(row.unit())
                    .append(" | ")
                    .append(millis(row.p50Millis()))
                    .append(" | ")
                    .append(millis(row.p99Millis()))
                    .append(" | ")
                    .append(row.ceiling() == null ? "" : row.ceilingName() + ": " + number(row.ceiling()) + "/s")
                    .append(" | ")
                    .append(row.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", row.ratio()))
                    .append(" | ")
                    .append(row.note() == null ? "" : row.note())
                    .append(" |\n");
        }
        sections.forEach((title, body) -> out.append("\n## ")
                .append(title)
                .append("\n\n")
                .append(body.strip())
                .append('\n'));
        return out.toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("latest.md"), markdown());
        Map<String, Object> json = new LinkedHashMap<>(header);
        List<Map<String, Object>> jsonRows = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> jsonRow = new LinkedHashMap<>();
            jsonRow.put("what", row.what());
            jsonRow.put("value", row.value());
            jsonRow.put("unit", row.unit());
            jsonRow.put("p50Millis", row.p50Millis());
            jsonRow.put("p99Millis", row.p99Millis());
            jsonRow.put("ceilingName", row.ceilingName());
            jsonRow.put("ceiling", row.ceiling());
            jsonRow.put("ratio", row.ratio());
            jsonRow.put("note", row.note());
            jsonRows.add(jsonRow);
        }
        json.put("rows", jsonRows);
        json.put("sections", sections);
        JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValue(directory.resolve("latest.json").toFile(), json);
    }

    static String number(double value) {
        if (value >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String millis(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f ms", value);
    }
}
