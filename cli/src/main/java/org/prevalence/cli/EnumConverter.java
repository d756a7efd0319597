package org.prevalence.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Converts an option value to an enum constant by its CLI spelling: the constant's name in lower case with
 * '-' for '_' ({@code LATENT_CLASS} is {@code latent-class}), matched ignoring case. It is also the option's
 * completion candidates, so {@code --help} and the error for a bad value list the CLI spellings. Picocli
 * makes converters with no arguments, so each enum option has a small subclass beside it naming its enum
 * (and, where the CLI offers only some of the library's constants, those).
 *
 * @param <E> the enum
 */
abstract class EnumConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E>, Iterable<String> {
    private final List<E> allowed;

    EnumConverter(Class<E> type) {
        this.allowed = List.copyOf(EnumSet.allOf(type));
    }

    @SafeVarargs
    EnumConverter(E first, E... rest) {
        this.allowed = List.copyOf(EnumSet.of(first, rest));
    }

    /** @return the CLI spelling of a constant: {@code LATENT_CLASS} is {@code latent-class} */
    static String spelling(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param e a constant this converter allows
     * @return its spelling on the command line: {@link #spelling(Enum)} unless a subclass names it otherwise
     */
    String name(E e) {
        return spelling(e);
    }

    @Override
    public E convert(String value) {
        String v = value.trim().replace('_', '-');
        for (E e : allowed) {
            if (name(e).equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw new CommandLine.TypeConversionException("expected one of " + String.join(", ", this) + " but was '"
                + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
        List<String> names = new ArrayList<>();
        for (E e : allowed) {
            names.add(name(e));
        }
        return names.iterator();
    }
}
