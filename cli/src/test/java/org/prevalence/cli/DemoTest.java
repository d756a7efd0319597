package org.prevalence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, run as a test: figures asserted, plots are valid PNGs of the stated size. */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void demoPrintsTheKeyFiguresAndWritesItsPlots() throws Exception {
        CliTest.Run r = CliTest.run("demo", "--dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        // SparseMSE stepwise on UK 2013 5 lists: 11,312.99 (9,884.40, 13,027.40)
        assertTrue(out.contains("11,312.99"), out);
        assertTrue(out.contains("9,884.4 to 13,027.4 (lognormal)"), out);
        assertTrue(out.contains("(bca)"), out);
        // MultipleSystemsEstimation BIC: [123,25,34], 25,311
        assertTrue(out.contains("[123,25,34]") && out.contains("25,311.29"), out);
        // R survey: svymean(~api00, dstrat) = 662.2873632, SE 9.408940803
        assertTrue(out.contains("662.29") && out.contains("9.408941"), out);
        assertTrue(out.contains("World") && out.contains("20.9 M, 3.0 per 1,000"), out);
        for (String p : List.of("uk2013-histories.png", "uk2013-bootstrap.png", "apistrat-domains.png",
                "regional-world.png")) {
            BufferedImage img = PlotsTest.png(dir.resolve(p));
            assertEquals(Plots.WIDTH, img.getWidth(), p);
            assertTrue(img.getHeight() >= Plots.HEIGHT, p);
        }
    }
}
