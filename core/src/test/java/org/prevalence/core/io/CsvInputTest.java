package org.prevalence.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prevalence.core.PrevalenceException;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class CsvInputTest {
    @TempDir
    Path dir;

    @Test
    void readsTypedColumns() throws Exception {
        Path f = dir.resolve("ok.csv");
        Files.writeString(f, "id,w,y\na,1.5,3\nb,2,NA\n");
        Table t = CsvInput.withDefaults().withType("w", ColumnType.DOUBLE).read(f);
        assertEquals(2, t.rowCount());
        assertEquals(2.0, t.doubleColumn("w").get(1), 0.0);
        assertTrue(t.column("y").isMissing(1));
    }

    @Test
    void unparsableCellNamesFileLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "id,w\na,1.5\nb,2.0\nc,heavy\n");
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> CsvInput.withDefaults().withType("w", ColumnType.DOUBLE).read(f));
        assertTrue(e.getMessage().startsWith("bad.csv, line 4, column 'w'"), e.getMessage());
        assertEquals("bad.csv, line 4, column 'w'", e.where());
    }

    @Test
    void raggedRowNamesTheLine() throws Exception {
        Path f = dir.resolve("ragged.csv");
        Files.writeString(f, "a,b,c\n1,2,3\n4,5\n");
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> CsvInput.withDefaults().read(f));
        assertTrue(e.getMessage().contains("ragged.csv, line 3: 2 cells, but the header has 3 columns"),
                e.getMessage());
    }

    @Test
    void commentLinesAreSkippedAndLineNumbersStillCountThem() {
        Table t = CsvInput.withDefaults().read("a,b\n# source: R 4.2.2\n1,2\n3,4\n", "c.csv");
        assertEquals(2, t.rowCount());
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> CsvInput.withDefaults()
                .withType("b", ColumnType.DOUBLE).read("a,b\n# note\n# note, 2\n1,2\n3,x\n", "c.csv"));
        assertTrue(e.getMessage().startsWith("c.csv, line 5, column 'b'"), e.getMessage());
    }

    @Test
    void quotedCommasAreOneCell() {
        Table t = CsvInput.withDefaults().read("name,n\n\"Smith, J\",3\n", "q.csv");
        assertEquals("Smith, J", t.stringColumn("name").get(0));
    }

    @Test
    void missingAndEmptyFilesAreErrors() throws Exception {
        PrevalenceException e = assertThrows(PrevalenceException.class,
                () -> CsvInput.withDefaults().read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        PrevalenceException e2 = assertThrows(PrevalenceException.class, () -> CsvInput.withDefaults().read(empty));
        assertTrue(e2.getMessage().contains("empty"), e2.getMessage());
    }
}
