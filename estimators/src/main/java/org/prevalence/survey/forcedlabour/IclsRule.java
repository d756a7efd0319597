package org.prevalence.survey.forcedlabour;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The statistical definition of forced labour of the 20th International Conference of Labour
 * Statisticians (ICLS 2018, Guidelines concerning the measurement of forced labour): a person is in
 * forced labour if the work is <b>involuntary</b> and imposed under <b>coercion</b> (threat or
 * menace of a penalty). Each dimension is the union ("any item is 1") of a configurable list of 0/1
 * questionnaire items:
 * <p>\[ FL_i = \Big(\max_{j \in \mathcal I} x_{ij}\Big) \cdot \Big(\max_{j \in \mathcal C} x_{ij}\Big), \]
 * <p>with \( \mathcal I \) the involuntariness items and \( \mathcal C \) the coercion items.
 *
 * <p>Children's rule ({@link ChildrenRule#ICLS_2018}, guidelines paras. 20-21): children cannot
 * consent, so a child (age below {@link #withChildAge}) is in forced labour if the work is imposed
 * under coercion by a third party, whether or not it is involuntary, or if any of the
 * {@linkplain #withChildItems children's items} is 1 (for example work with a parent who is in
 * forced labour, or a worst form of child labour listed in the guidelines).
 *
 * <p>References: ILO (2018). 20th International Conference of Labour Statisticians, Guidelines
 * concerning the measurement of forced labour, ICLS/20/2018/Guidelines. Geneva.
 *
 * <p>This class is immutable.
 */
public final class IclsRule {
    /** How children are classified. */
    public enum ChildrenRule {
        /** Children are classified like adults (involuntary work and coercion). */
        SAME_AS_ADULTS,
        /** ICLS 2018: for children, coercion alone or any children's item suffices. */
        ICLS_2018
    }

    private final List<String> involuntary;
    private final List<String> coercion;
    private final List<String> childItems;
    private final ChildrenRule children;
    private final String ageColumn;
    private final int childAge;

    private IclsRule(List<String> involuntary, List<String> coercion, List<String> childItems, ChildrenRule children,
                     String ageColumn, int childAge) {
        this.involuntary = involuntary;
        this.coercion = coercion;
        this.childItems = childItems;
        this.children = children;
        this.ageColumn = ageColumn;
        this.childAge = childAge;
    }

    /**
     * @param involuntaryItems the 0/1 involuntariness items (at least one)
     * @param coercionItems the 0/1 coercion items (at least one)
     * @return the adult rule; defaults: {@link ChildrenRule#SAME_AS_ADULTS}, age column {@code age},
     *     children below 18, no children's items
     */
    public static IclsRule of(List<String> involuntaryItems, List<String> coercionItems) {
        if (involuntaryItems.isEmpty() || coercionItems.isEmpty()) {
            throw PrevalenceException.invalidArgument("items",
                    "The ICLS rule needs at least one involuntariness item and one coercion item");
        }
        return new IclsRule(List.copyOf(involuntaryItems), List.copyOf(coercionItems), List.of(),
                ChildrenRule.SAME_AS_ADULTS, "age", 18);
    }

    /**
     * @param v the children's rule
     * @return a copy using it
     */
    public IclsRule with(ChildrenRule v) {
        return new IclsRule(involuntary, coercion, childItems, Objects.requireNonNull(v), ageColumn, childAge);
    }

    /**
     * @param v the 0/1 items that alone make a child's work forced labour under {@link ChildrenRule#ICLS_2018}
     * @return a copy using them
     */
    public IclsRule withChildItems(List<String> v) {
        return new IclsRule(involuntary, coercion, List.copyOf(v), children, ageColumn, childAge);
    }

    /**
     * @param column the age column
     * @param below persons younger than this are children (18 in the guidelines)
     * @return a copy using them
     */
    public IclsRule withChildAge(String column, int below) {
        return new IclsRule(involuntary, coercion, childItems, children, Objects.requireNonNull(column), below);
    }

    /**
     * Classifies each row.
     * @param t one row per person (respondent or reported family member)
     * @return 1 if in forced labour, else 0
     * @throws PrevalenceException naming the row and column of a missing value or a value other than 0/1
     */
    public int[] classify(Table t) {
        int n = t.rowCount();
        boolean[] inv = any(t, involuntary);
        boolean[] coe = any(t, coercion);
        boolean[] child = childItems.isEmpty() ? new boolean[n] : any(t, childItems);
        double[] age = null;
        if (children == ChildrenRule.ICLS_2018) {
            age = values(t, ageColumn, false);
        }
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            boolean fl = inv[r] && coe[r];
            if (age != null && age[r] < childAge) {
                fl = coe[r] || child[r];
            }
            out[r] = fl ? 1 : 0;
        }
        return out;
    }

    private static boolean[] any(Table t, List<String> items) {
        boolean[] out = new boolean[t.rowCount()];
        for (String item : items) {
            double[] x = values(t, item, true);
            for (int r = 0; r < out.length; r++) {
                out[r] |= x[r] == 1;
            }
        }
        return out;
    }

    static double[] values(Table t, String column, boolean binary) {
        if (!t.containsColumn(column)) {
            throw PrevalenceException.invalidData("column '" + column + "'",
                    "The table has no column '%s'; its columns are %s", column, t.columnNames());
        }
        Column<?> c = t.column(column);
        if (!(c instanceof NumberColumn<?, ?> nc)) {
            throw PrevalenceException.invalidData("column '" + column + "'", "Column '%s' must be numeric", column);
        }
        double[] x = new double[t.rowCount()];
        for (int r = 0; r < x.length; r++) {
            String where = String.format(Locale.ROOT, "row %d, column '%s'", r + 1, column);
            if (nc.isMissing(r)) {
                throw PrevalenceException.invalidData(where, "Row %d, column '%s': the value is missing", r + 1, column);
            }
            x[r] = nc.getDouble(r);
            if (binary && x[r] != 0 && x[r] != 1) {
                throw PrevalenceException.invalidData(where, "Row %d, column '%s': an item is 0 or 1, got %s", r + 1,
                        column, x[r]);
            }
        }
        return x;
    }

    /** @return the involuntariness items */
    public List<String> involuntaryItems() {
        return involuntary;
    }

    /** @return the coercion items */
    public List<String> coercionItems() {
        return coercion;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("involuntary any of " + involuntary);
        parts.add("coercion any of " + coercion);
        parts.add("children " + children + (children == ChildrenRule.ICLS_2018 ? " (below " + childAge + ", "
                + ageColumn + ", child items " + childItems + ")" : ""));
        return "IclsRule[" + String.join("; ", parts) + "]";
    }
}
