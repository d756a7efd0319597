package org.prevalence.linkage.records;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * Which column of a list holds which linkage field, and the field's type. The order of the fields
 * is the order they were added in.
 *
 * <p>This class is immutable.
 */
public final class FieldMapping {
    /** One mapped field.
     * @param field the field name used in blocking rules and the parameters table
     * @param column the column of the input that holds it
     * @param type how it is compared */
    public record Field(String field, String column, FieldType type) {
        /** Checks the components. */
        public Field {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(type, "type");
            if (field.isBlank() || column.isBlank()) {
                throw PrevalenceException.invalidArgument("field", "a field and its column need names");
            }
        }
    }

    private static final FieldMapping EMPTY = new FieldMapping(List.of());
    private final List<Field> fields;

    private FieldMapping(List<Field> fields) {
        this.fields = fields;
    }

    /** @return the empty mapping (add fields with {@link #with}) */
    public static FieldMapping withDefaults() {
        return EMPTY;
    }

    /**
     * @param field a field name
     * @param column the column holding it
     * @param type its type
     * @return this mapping plus that field
     * @throws PrevalenceException if the field is already mapped
     */
    public FieldMapping with(String field, String column, FieldType type) {
        Field f = new Field(field, column, type);
        for (Field g : fields) {
            if (g.field().equals(field)) {
                throw PrevalenceException.invalidArgument("field '" + field + "'", "field '%s' is mapped twice", field);
            }
        }
        List<Field> out = new ArrayList<>(fields);
        out.add(f);
        return new FieldMapping(Collections.unmodifiableList(out));
    }

    /**
     * @param field a field name; its type is {@link FieldType#forName}
     * @param column the column holding it
     * @return this mapping plus that field
     */
    public FieldMapping with(String field, String column) {
        return with(field, column, FieldType.forName(field));
    }

    /**
     * Parses {@code name=column} (or {@code name} alone for a column of the same name).
     * @param spec the specification
     * @return this mapping plus that field
     */
    public FieldMapping withSpec(String spec) {
        int eq = spec.indexOf('=');
        return eq < 0 ? with(spec.strip(), spec.strip()) : with(spec.substring(0, eq).strip(), spec.substring(eq + 1).strip());
    }

    /** @return the fields, in order (unmodifiable) */
    public List<Field> fields() {
        return fields;
    }

    /**
     * @param field a field name
     * @return its index
     * @throws PrevalenceException if it is not mapped
     */
    public int indexOf(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).field().equals(field)) {
                return i;
            }
        }
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.field()));
        throw PrevalenceException.invalidArgument("field '" + field + "'",
                "unknown field '%s'; the mapped fields are %s", field, names);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FieldMapping[");
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            sb.append(i == 0 ? "" : ", ").append(f.field()).append('=').append(f.column())
                    .append(" (").append(f.type().name().toLowerCase(java.util.Locale.ROOT)).append(')');
        }
        return sb.append(']').toString();
    }
}
