package org.prevalence.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket from java.net.http, JSON by Jackson): opens a
 * page at a given width, evaluates expressions, collects console errors and takes a full-page screenshot. Test
 * code only; no dependency beyond the JDK and Jackson.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** @return the browser's executable: $CHROMIUM, else chromium on the PATH */
    static String executable() {
        String e = System.getenv("CHROMIUM");
        return e == null || e.isBlank() ? "chromium" : e;
    }

    /** Starts the browser and attaches to its first page. */
    static Chromium start() throws Exception {
        Path profile = Files.createTempDirectory("prevalence-chromium");
        Process p = new ProcessBuilder(executable(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=1280,900", "about:blank")
                .redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String ws = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ws == null && System.nanoTime() < until) {
            String line = r.readLine();
            if (line == null) {
                break;
            }
            int at = line.indexOf("ws://");
            if (line.contains("DevTools listening on") && at >= 0) {
                ws = line.substring(at).trim();
            }
        }
        if (ws == null) {
            p.destroyForcibly();
            throw new IOException("chromium printed no DevTools address");
        }
        Thread drain = new Thread(() -> {
            try {
                while (r.readLine() != null) {
                    // the browser's own log lines (dbus and the like) are not the page's console
                }
            } catch (IOException ignored) {
                // the browser closed
            }
        });
        drain.setDaemon(true);
        drain.start();
        URI browser = URI.create(ws);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://" + browser.getHost() + ":" + browser.getPort();
        JsonNode target = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body());
        Chromium[] self = new Chromium[1];
        WebSocket sock = http.newWebSocketBuilder().buildAsync(URI.create(target.get("webSocketDebuggerUrl").asText()),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        self[0].onText(data, last);
                        w.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        self[0] = new Chromium(p, profile, sock);
        return self[0];
    }

    private void onText(CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (!last) {
                return;
            }
            try {
                JsonNode m = JSON.readTree(partial.toString());
                if (m.has("id")) {
                    CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                    if (f != null) {
                        f.complete(m);
                    }
                } else {
                    events.add(m);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                partial.setLength(0);
            }
        }
    }

    /** Sends one command and waits for its answer's {@code result}. */
    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        JsonNode answer = f.get(60, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IOException(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** What one page showed. */
    record PageCheck(List<String> consoleErrors, JsonNode layout) {
    }

    /**
     * Opens a file at 1280 px, checks its layout with {@code layoutScript} (an expression giving a JSON string)
     * and saves a full-page screenshot.
     */
    PageCheck open(Path file, String layoutScript, Path screenshot) throws Exception {
        events.clear();
        send("Page.enable", Map.of());
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        send("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1,
                "mobile", false));
        send("Page.navigate", Map.of("url", file.toUri().toString()));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (events.stream().noneMatch(e -> "Page.loadEventFired".equals(e.path("method").asText()))) {
            if (System.nanoTime() > until) {
                throw new IOException("the page did not load: " + file);
            }
            Thread.sleep(50);
        }
        JsonNode v = send("Runtime.evaluate", Map.of("expression", layoutScript, "returnByValue", true));
        JsonNode layout = JSON.readTree(v.get("result").get("value").asText());
        JsonNode metrics = send("Page.getLayoutMetrics", Map.of());
        int height = (int) Math.ceil(metrics.get("cssContentSize").get("height").asDouble());
        send("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", Math.min(height, 16000),
                "deviceScaleFactor", 1, "mobile", false));
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(screenshot, Base64.getDecoder().decode(shot.get("data").asText()));
        List<String> errors = new ArrayList<>();
        for (JsonNode e : events) {
            String m = e.path("method").asText();
            JsonNode p = e.path("params");
            if (m.equals("Runtime.exceptionThrown")) {
                errors.add("exception: " + p.path("exceptionDetails").path("text").asText());
            } else if (m.equals("Runtime.consoleAPICalled") && p.path("type").asText().equals("error")) {
                errors.add("console.error: " + p.path("args"));
            } else if (m.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
                errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
            }
        }
        return new PageCheck(errors, layout);
    }

    @Override
    public void close() throws Exception {
        try {
            send("Browser.close", Map.of());
        } catch (Exception ignored) {
            // already gone
        }
        socket.abort();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var s = Files.walk(profile)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        }
    }
}
