package org.prevalence.regional;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * The reference window of a flow-to-stock conversion: the first and last day, inclusive (the ILO
 * 2012 estimate used 2002-01-01 to 2011-12-31, the ILO 2005 estimate 1995 to 2004).
 *
 * @param start the first day
 * @param end   the last day, not before {@code start}
 */
public record ReferenceWindow(LocalDate start, LocalDate end) {
    /** Checks that the window is not empty. */
    public ReferenceWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw PrevalenceException.invalidArgument("window",
                    "The window's end %s is before its start %s", end, start);
        }
    }

    /**
     * @param text {@code yyyy-mm-dd:yyyy-mm-dd}, for example {@code 2002-01-01:2011-12-31}
     * @return the window
     * @throws PrevalenceException if the text is malformed or the end is before the start
     */
    public static ReferenceWindow parse(String text) {
        String[] p = text.trim().split(":");
        if (p.length != 2) {
            throw PrevalenceException.invalidArgument("window",
                    "A window is written START:END with ISO dates, for example 2002-01-01:2011-12-31; got '%s'", text);
        }
        try {
            return new ReferenceWindow(LocalDate.parse(p[0].trim()), LocalDate.parse(p[1].trim()));
        } catch (DateTimeParseException e) {
            throw PrevalenceException.invalidArgument("window",
                    "Cannot read the window '%s': %s (use yyyy-mm-dd:yyyy-mm-dd)", text, e.getMessage());
        }
    }

    /** @return the number of days in the window, {@code end - start + 1} */
    public long days() {
        return end.toEpochDay() - start.toEpochDay() + 1;
    }

    /**
     * The number of days of the situation {@code [from, to]} (inclusive epoch days) inside the window.
     * <p>\[ d = \max(0, \min(t_1, W_1) - \max(t_0, W_0) + 1) \]
     * @param from first day of the situation (epoch day)
     * @param to last day of the situation (epoch day), {@code >= from}
     * @return the days inside the window
     */
    public long daysInside(long from, long to) {
        long a = Math.max(from, start.toEpochDay());
        long b = Math.min(to, end.toEpochDay());
        return Math.max(0, b - a + 1);
    }

    @Override
    public String toString() {
        return start + ":" + end;
    }
}
