package org.prevalence.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.prevalence.core.PrevalenceException;

/**
 * The files a command writes ({@code --output}, {@code --plot}, the demo's plots, a synthetic world),
 * written so that a failing run leaves nothing behind: each file is first written to a hidden temporary
 * file in the folder of its target, and all of them are moved into place (atomically where the file
 * system can) only when the command has succeeded. Outside a run (library use, tests) a file is moved
 * into place as soon as it is written. Folders the run had to create are removed again if it fails.
 *
 * <p>Rule for a target path (checked before any work is done, and again when writing): it must not be
 * a folder, its folder must exist, be a folder and be writable, and an existing file must be writable.
 * Every message names the path.
 */
final class OutputFiles implements AutoCloseable {
    private static final ThreadLocal<OutputFiles> CURRENT = new ThreadLocal<>();

    private final List<Path[]> staged = new ArrayList<>();
    private final List<Path> createdFolders = new ArrayList<>();

    private OutputFiles() {
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    interface Content {
        /**
         * @param out the stream (closed by the caller)
         * @throws IOException on a write error
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** @return a run whose files are staged until {@link #commit()}; {@link #close()} drops what was not committed */
    static OutputFiles begin() {
        OutputFiles run = new OutputFiles();
        CURRENT.set(run);
        return run;
    }

    /**
     * @param target a file the command is asked to write
     * @return {@code null} if it can be written, otherwise what is wrong (without the path)
     */
    static String problem(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return "is a folder, not a file";
        }
        Path parent = abs.getParent();
        if (parent == null) {
            return "is not a file";
        }
        if (!Files.exists(parent)) {
            return "the folder '" + parent + "' does not exist";
        }
        if (!Files.isDirectory(parent)) {
            return "'" + parent + "' is a file, not a folder";
        }
        if (!Files.isWritable(parent)) {
            return "the folder '" + parent + "' is not writable";
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            return "the file is read-only";
        }
        return null;
    }

    /**
     * @param folder a folder the command is asked to write into (it may not exist yet)
     * @return {@code null} if files can be written there, otherwise what is wrong (without the path)
     */
    static String folderProblem(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return p.equals(abs) ? "is a file, not a folder" : "'" + p + "' is a file, not a folder";
                }
                if (!Files.isWritable(p)) {
                    return "the folder '" + p + "' is not writable";
                }
                return null;
            }
        }
        return null;
    }

    /**
     * Writes one file (see the class description).
     * @param target the file
     * @param what how the user named it, for messages, for example {@code --output}
     * @param content the content
     * @return the target
     * @throws PrevalenceException if the file cannot be written (the message names the path)
     */
    static Path write(Path target, String what, Content content) {
        String problem = problem(target);
        if (problem != null) {
            throw cannot(what, target, problem);
        }
        Path abs = target.toAbsolutePath().normalize();
        Path tmp;
        try {
            // createFile, not createTempFile: the file gets the user's usual permissions (umask), not 0600
            tmp = Files.createFile(abs.getParent().resolve("." + abs.getFileName() + "."
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp"));
        } catch (IOException e) {
            throw cannot(what, target, reason(e));
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            if (e instanceof RuntimeException re && !(e instanceof java.io.UncheckedIOException)) {
                throw re;
            }
            throw cannot(what, target, reason(e instanceof java.io.UncheckedIOException u ? u.getCause() : e));
        }
        OutputFiles run = CURRENT.get();
        if (run == null) {
            move(tmp, abs, what, target);
        } else {
            run.staged.add(new Path[] {tmp, abs, target});
        }
        return target;
    }

    /**
     * Makes sure a folder exists, creating it (and its missing parents) if needed; a failing run removes
     * the folders it created.
     * @param folder the folder
     * @param what how the user named it, for messages
     * @return the folder
     */
    static Path folder(Path folder, String what) {
        String problem = folderProblem(folder);
        if (problem != null) {
            throw cannot(what, folder, problem);
        }
        Path abs = folder.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw cannot(what, folder, reason(e));
        }
        OutputFiles run = CURRENT.get();
        if (run != null) {
            run.createdFolders.addAll(missing);
        }
        return folder;
    }

    /** Moves every staged file into place. */
    void commit() {
        for (int i = 0; i < staged.size(); i++) {
            Path[] s = staged.get(i);
            move(s[0], s[1], "output", s[2]);
        }
        staged.clear();
        createdFolders.clear();
    }

    /** Drops every staged file and the folders this run created; ends the run. */
    @Override
    public void close() {
        for (Path[] s : staged) {
            deleteQuietly(s[0]);
        }
        staged.clear();
        for (int i = createdFolders.size() - 1; i >= 0; i--) {
            deleteQuietly(createdFolders.get(i)); // only succeeds when empty
        }
        createdFolders.clear();
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }

    private static void move(Path tmp, Path abs, String what, Path target) {
        try {
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw cannot(what, target, reason(e));
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a folder that is not empty, or a file already gone: nothing to undo
        }
    }

    /** The system's reason for an I/O failure (never file content). */
    private static String reason(Throwable e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : "write error";
    }

    static PrevalenceException cannot(String what, Path target, String problem) {
        return PrevalenceException.invalidArgument(what, "Cannot write %s '%s': %s", what, target, problem);
    }
}
