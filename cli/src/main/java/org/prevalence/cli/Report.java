package org.prevalence.cli;

import java.util.Objects;

/**
 * One command's output as a document in the three {@code --format}s: the text (a title, a table and notes),
 * the JSON tree and the CSV table, each made from the typed library results (no format is read back from
 * another).
 */
final class Report {
    private final String text;
    private final Object json;
    private final ResultTable csv;

    /**
     * @param text the {@code --format table} text
     * @param json the {@code --format json} tree (maps, lists, numbers, strings)
     * @param csv the {@code --format csv} table
     */
    Report(String text, Object json, ResultTable csv) {
        this.text = Objects.requireNonNull(text, "text");
        this.json = json;
        this.csv = Objects.requireNonNull(csv, "csv");
    }

    /**
     * @param format the output format
     * @return the document in that format
     */
    String render(CommonOptions.OutputFormat format) {
        return switch (format) {
            case json -> Output.json(json);
            case csv -> csv.csv();
            case table -> text;
        };
    }
}
