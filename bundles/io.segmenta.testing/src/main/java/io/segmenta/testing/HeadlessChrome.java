package io.segmenta.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * Debian's chromium driven through chromedriver's W3C WebDriver protocol (plain HTTP on a loopback port), so
 * the report is checked in a real browser without a WebDriver client library. One browser per instance. Shared by
 * the HTML reporter's tests and the distribution's (sample runs checked as a reader sees them, {@link ReportChecks}).
 */
public final class HeadlessChrome implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Process driver;
    private final String base;
    private final String session;

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public HeadlessChrome(Path profile) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port).redirectErrorStream(true)
                .redirectOutput(profile.resolveSibling("chromedriver.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (get("/status").getAsJsonObject("value").get("ready").getAsBoolean()) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IOException("chromedriver did not start within 30 s");
            }
            Thread.sleep(200);
        }
        JsonArray args = new JsonArray();
        // as the workplace's notes advise: no sandbox as root, and no background network in a closed network
        for (String a : new String[] {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1200,2400", "--user-data-dir=" + profile}) {
            args.add(a);
        }
        JsonObject options = new JsonObject();
        options.addProperty("binary", CHROMIUM.toString());
        options.add("args", args);
        JsonObject always = new JsonObject();
        always.addProperty("browserName", "chrome");
        always.add("goog:chromeOptions", options);
        JsonObject caps = new JsonObject();
        caps.add("alwaysMatch", always);
        JsonObject body = new JsonObject();
        body.add("capabilities", caps);
        session = post("/session", body).getAsJsonObject("value").get("sessionId").getAsString();
    }

    public void open(Path file) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("url", file.toUri().toString());
        post("/session/" + session + "/url", body);
    }

    /** Runs a script in the page and returns its value. */
    public JsonElement eval(String script) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("script", script);
        body.add("args", new JsonArray());
        return post("/session/" + session + "/execute/sync", body).get("value");
    }

    public void screenshot(Path png) throws IOException, InterruptedException {
        String data = get("/session/" + session + "/screenshot").get("value").getAsString();
        Files.write(png, Base64.getDecoder().decode(data));
    }

    private JsonObject get(String path) throws IOException {
        return send("GET", path, null);
    }

    private JsonObject post(String path, JsonObject body) throws IOException {
        return send("POST", path, body.toString());
    }

    /** One WebDriver call (java.base's HttpURLConnection: the test runs on the module path). */
    private JsonObject send(String method, String path, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(60_000);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.getOutputStream().write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        java.io.InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "{}" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        JsonObject o = JsonParser.parseString(text).getAsJsonObject();
        if (status >= 400) {
            throw new IOException("WebDriver " + status + ": " + o);
        }
        return o;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                send("DELETE", "/session/" + session, null);
            }
        } catch (IOException | RuntimeException e) {
            // closing anyway: the driver process is ended below
        } finally {
            driver.descendants().forEach(ProcessHandle::destroy);
            driver.destroy();
        }
    }
}
