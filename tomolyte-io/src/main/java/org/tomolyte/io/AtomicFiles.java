package org.tomolyte.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.tomolyte.core.InternalException;

/**
 * Writes files and folders so that nothing half-written is ever left under the final name: the
 * content goes to a hidden temporary sibling ({@code .NAME.tmp-PID}), which replaces the target
 * only when complete, atomically where the file system allows. On failure the temporary is
 * removed and the target is untouched.
 */
public final class AtomicFiles {

    /** Writes the content of a file or folder to the temporary path it is given. */
    @FunctionalInterface
    public interface Body {
        /** Writes to {@code tmp}, which does not exist yet. */
        void writeTo(Path tmp) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Runs {@code body} on a temporary sibling of {@code target}, then moves it over
     * {@code target}. An {@link IOException} becomes an {@link InternalException} naming the target.
     */
    public static void write(Path target, Body body) {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(abs.getParent());
            deleteRecursively(tmp);
            body.writeTo(tmp);
            replace(tmp, abs);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new InternalException(target + ": cannot write (" + e.getMessage() + ")", e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /** Writes UTF-8 text to {@code target} atomically. */
    public static void writeString(Path target, CharSequence text) {
        write(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /** Moves {@code tmp} over {@code target} (file or folder), atomically where the file system allows. */
    public static void replace(Path tmp, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            deleteRecursively(target);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a file or a folder tree; does nothing when absent. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteRecursively(p);
        } catch (IOException ignored) {
            // best-effort removal of our own temporary; the error being thrown is the one to report
        }
    }
}
