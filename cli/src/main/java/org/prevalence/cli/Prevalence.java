package org.prevalence.cli;

/** Placeholder main replaced below. */
public final class Prevalence {
    private Prevalence() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
