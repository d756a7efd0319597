package org.prevalence.engine.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prevalence.core.PrevalenceException;

/**
 * A Spark master URL, checked before a session is made: {@code local}, {@code local[N]},
 * {@code local[*]}, {@code local[N,F]} (N threads, F task failures), {@code spark://HOST:PORT[,HOST:PORT]}
 * (standalone, with stand-by masters), {@code k8s://https://HOST:PORT} or {@code yarn}.
 *
 * <p>Spark itself retries an unreachable standalone master three times, 20 s each, before it gives up;
 * {@link #probe(int)} instead opens a TCP connection to every host and port of the URL with a timeout
 * of a few seconds and refuses the master, naming it and the option {@code --master}, when none
 * answers. A local master needs no probe.
 *
 * <p>This class is immutable.
 */
final class SparkMaster {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,([1-9][0-9]*))?\\])?");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9._-]+):([0-9]{1,5})");

    private final String url;
    private final boolean local;
    private final List<InetSocketAddress> endpoints;

    private SparkMaster(String url, boolean local, List<InetSocketAddress> endpoints) {
        this.url = url;
        this.local = local;
        this.endpoints = List.copyOf(endpoints);
    }

    /**
     * The local master with {@code threads} threads.
     * @param threads worker threads, 0 = every core ({@code local[*]})
     * @return {@code local[N]} or {@code local[*]}
     */
    static SparkMaster local(int threads) {
        if (threads < 0) {
            throw PrevalenceException.invalidArgument("threads", "threads must be >= 0 (0 = all cores), got %d", threads);
        }
        return new SparkMaster(threads == 0 ? "local[*]" : "local[" + threads + "]", true, List.of());
    }

    /**
     * Parses a master URL.
     * @param url the URL, as Spark's {@code --master}
     * @return the master
     * @throws PrevalenceException (invalid argument, where {@code "--master"}) for a URL Spark would not take
     */
    static SparkMaster parse(String url) {
        Objects.requireNonNull(url, "url");
        String u = url.strip();
        if (LOCAL.matcher(u).matches()) {
            return new SparkMaster(u, true, List.of());
        }
        if (u.equals("yarn")) {
            return new SparkMaster(u, false, List.of());
        }
        if (u.startsWith("spark://")) {
            List<InetSocketAddress> eps = new ArrayList<>();
            for (String hp : u.substring("spark://".length()).split(",", -1)) {
                eps.add(hostPort(url, hp));
            }
            return new SparkMaster(u, false, eps);
        }
        if (u.startsWith("k8s://")) {
            String rest = u.substring("k8s://".length());
            URI uri = URI.create(rest.contains("://") ? rest : "https://" + rest);
            if (uri.getHost() == null) {
                throw bad(url);
            }
            int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
            return new SparkMaster(u, false, List.of(InetSocketAddress.createUnresolved(uri.getHost(), port)));
        }
        throw bad(url);
    }

    private static InetSocketAddress hostPort(String url, String hp) {
        Matcher m = HOST_PORT.matcher(hp);
        if (!m.matches()) {
            throw bad(url);
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw bad(url);
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static PrevalenceException bad(String url) {
        return PrevalenceException.invalidArgument("--master",
                "--master '%s' is not a Spark master URL: use local[N], local[*], spark://HOST:PORT, "
                        + "k8s://https://HOST:PORT or yarn", url);
    }

    /** @return the URL as Spark takes it */
    String url() {
        return url;
    }

    /** @return whether this is a local master (driver and executors in this JVM) */
    boolean isLocal() {
        return local;
    }

    /**
     * Checks that at least one endpoint of the master accepts a TCP connection.
     * @param timeoutMillis the connect timeout per endpoint
     * @throws PrevalenceException (invalid argument, where {@code "--master"}) when none does
     */
    void probe(int timeoutMillis) {
        if (endpoints.isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress ep : endpoints) {
            InetSocketAddress resolved = new InetSocketAddress(ep.getHostString(), ep.getPort());
            String name = ep.getHostString() + ":" + ep.getPort();
            if (resolved.isUnresolved()) {
                failures.add(name + " (unknown host)");
                continue;
            }
            try (Socket s = new Socket()) {
                s.connect(resolved, timeoutMillis);
                return;
            } catch (IOException e) {
                failures.add(name + " (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().toLowerCase(Locale.ROOT)) + ")");
            }
        }
        throw PrevalenceException.invalidArgument("--master",
                "the Spark master %s cannot be reached: %s; start the master, or check --master "
                        + "(local[N] runs Spark in this process)", url, String.join(", ", failures));
    }

    @Override
    public String toString() {
        return url;
    }
}
