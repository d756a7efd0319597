package org.prevalence.core.engine;

/** The type of a column as an engine reads it. */
public enum ColumnType {
    /** Numbers (integers or floating point); missing = SQL NULL or NaN. */
    NUMBER,
    /** Booleans, read as 0/1 numbers and as the factor levels {@code false}, {@code true}. */
    LOGICAL,
    /** Text: a factor (group keys) only. */
    TEXT
}
