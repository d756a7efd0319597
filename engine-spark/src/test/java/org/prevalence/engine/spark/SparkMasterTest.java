package org.prevalence.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.PrevalenceException;

/** Master URLs, and a master that cannot be reached: an error naming --master within seconds (no session is made). */
class SparkMasterTest {
    @TempDir
    Path dir;

    @Test
    void localAndClusterUrls() {
        assertTrue(SparkMaster.parse("local").isLocal());
        assertEquals("local[4]", SparkMaster.parse("local[4]").url());
        assertTrue(SparkMaster.parse("local[*]").isLocal());
        assertTrue(SparkMaster.parse("local[2,3]").isLocal());
        assertEquals("local[*]", SparkMaster.local(0).url());
        assertEquals("local[3]", SparkMaster.local(3).url());
        assertFalse(SparkMaster.parse("spark://node1:7077,node2:7077").isLocal());
        assertFalse(SparkMaster.parse("k8s://https://10.0.0.1:6443").isLocal());
        assertFalse(SparkMaster.parse("yarn").isLocal());
    }

    @Test
    void notAMasterUrl() {
        for (String bad : new String[] {"local[0]", "local[x]", "spark://", "spark://host", "spark://host:99999",
                "mesos://host:5050", "http://host:7077", ""}) {
            PrevalenceException e = assertThrows(PrevalenceException.class, () -> SparkMaster.parse(bad), bad);
            assertEquals("--master", e.where());
            assertTrue(e.getMessage().contains("is not a Spark master URL"), e.getMessage());
        }
    }

    /** A port nobody listens on: bound, then released. */
    private static int unusedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void unreachableMasterFailsWithinSeconds() throws Exception {
        String url = "spark://127.0.0.1:" + unusedPort();
        Path csv = Files.writeString(dir.resolve("d.csv"), "w,y\n1,2\n");
        long t0 = System.nanoTime();
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> SparkEngine.withDefaults().withMaster(url).open(csv));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertEquals("--master", e.where());
        assertTrue(e.getMessage().contains(url) && e.getMessage().contains("cannot be reached"), e.getMessage());
        assertEquals(PrevalenceException.Kind.INVALID_ARGUMENT, e.what());
    }

    @Test
    void unknownHostFailsWithinSeconds() {
        // .invalid never resolves (RFC 2606)
        long t0 = System.nanoTime();
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> SparkMaster.parse("spark://no-such-master.invalid:7077").probe(SparkSessions.PROBE_TIMEOUT_MILLIS));
        assertTrue((System.nanoTime() - t0) / 1e9 < 10);
        assertTrue(e.getMessage().contains("no-such-master.invalid:7077 (unknown host)"), e.getMessage());
    }

    @Test
    void oneStandbyMasterAnsweringIsEnough() throws Exception {
        try (ServerSocket up = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            SparkMaster m = SparkMaster.parse("spark://127.0.0.1:" + unusedPort() + ",127.0.0.1:" + up.getLocalPort());
            m.probe(SparkSessions.PROBE_TIMEOUT_MILLIS);
        }
    }
}
