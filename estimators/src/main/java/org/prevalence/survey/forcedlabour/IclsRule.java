package org.prevalence.survey.forcedlabour;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;

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
     * @return the columns the rule reads: the involuntariness, coercion and children's items, and
     *     the age column under {@link ChildrenRule#ICLS_2018}, each once, in that order
     */
    public List<String> columns() {
        Set<String> out = new LinkedHashSet<>(involuntary);
        out.addAll(coercion);
        out.addAll(childItems);
        if (children == ChildrenRule.ICLS_2018) {
            out.add(ageColumn);
        }
        return List.copyOf(out);
    }

    /**
     * Classifies each row.
     * @param values the values of each of the rule's {@linkplain #columns() columns}, one per row
     *     (as {@link ReportRows} holds them)
     * @return 1 if in forced labour, else 0
     * @throws PrevalenceException naming the row and column of a value other than 0/1 (or missing)
     */
    public int[] classify(Map<String, double[]> values) {
        return classifyValues(values);
    }

    /**
     * Classifies each row.
     * @param rows the rows (with the rule's columns)
     * @return 1 if in forced labour, else 0
     * @throws PrevalenceException naming the row and column of a value other than 0/1
     */
    public int[] classify(ReportRows rows) {
        return classifyValues(rows.items);
    }

    private int[] classifyValues(Map<String, double[]> values) {
        int n = values(values, columns().get(0)).length;
        boolean[] inv = any(values, involuntary, n);
        boolean[] coe = any(values, coercion, n);
        boolean[] child = any(values, childItems, n);
        double[] age = children == ChildrenRule.ICLS_2018 ? values(values, ageColumn) : null;
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

    private static boolean[] any(Map<String, double[]> values, List<String> items, int n) {
        boolean[] out = new boolean[n];
        for (String item : items) {
            double[] x = values(values, item);
            for (int r = 0; r < n; r++) {
                if (x[r] != 0 && x[r] != 1) {
                    throw PrevalenceException.invalidData(Columns.where(r, item),
                            "Row %d, column '%s': an item is 0 or 1, got %s", r + 1, item, x[r]);
                }
                out[r] |= x[r] == 1;
            }
        }
        return out;
    }

    private static double[] values(Map<String, double[]> values, String column) {
        double[] x = values.get(column);
        if (x == null) {
            throw PrevalenceException.invalidArgument("item '" + column + "'",
                    "No values for the rule's column '%s'; the rule reads %s", column, values.keySet());
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
