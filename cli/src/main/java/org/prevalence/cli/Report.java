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
     * @param key a key added to the JSON object (the JSON must be an object)
     * @param value its value
     * @param moreText text appended to the {@code --format table} text
     * @return this document with the key and the text added (the CSV unchanged)
     */
    @SuppressWarnings("unchecked")
    Report with(String key, Object value, String moreText) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>((java.util.Map<String, Object>) json);
        m.put(key, value);
        return new Report(text + moreText, m, csv);
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
