package org.prevalence.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.prevalence.core.PrevalenceException;

/**
 * Opens CSV files for reading: plain ({@code .csv}) or gzip-compressed ({@code .csv.gz}, or any
 * file that starts with the gzip magic bytes), decompressed as they are read.
 */
public final class CsvFiles {
    private CsvFiles() {
    }

    /**
     * @param file a file
     * @return whether it is gzip-compressed (by its first two bytes)
     * @throws PrevalenceException if it is not a readable regular file
     */
    public static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(check(file))) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * Opens a file, decompressing it if it is gzip.
     * @param file a {@code .csv} or {@code .csv.gz} file
     * @return the stream of its (decompressed) bytes; the caller closes it
     * @throws PrevalenceException if it does not exist or cannot be opened
     */
    public static InputStream open(Path file) {
        boolean gz = isGzip(file);
        try {
            InputStream raw = Files.newInputStream(file);
            return gz ? new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16) : raw;
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    static Path check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw PrevalenceException.invalidArgument(file.toString(), "%s: no such file", file);
        }
        return file;
    }

    static PrevalenceException cannotRead(Path file, IOException e) {
        String name = file.getFileName().toString();
        return new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, name,
                String.format(Locale.ROOT, "%s: cannot read the file (%s)", name, e.getClass().getSimpleName()), e);
    }
}
