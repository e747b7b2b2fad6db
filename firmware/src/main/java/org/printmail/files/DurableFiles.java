package org.printmail.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Writes files the way a power cut cannot half-do: the content goes in full to a temporary sibling
 * created owner-only ({@code rw-------}), is forced to the medium, is renamed (atomically) or linked
 * into place, and the directory is forced so the new name survives too. Directories it creates are
 * owner-only ({@code rwx------}). Failures are {@link IOException}s; each caller maps them to its
 * own job-log code.
 */
public final class DurableFiles {
    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** The steps of one write, in order; tests cut the power at each. */
    public enum Step { TEMP_CREATED, TEMP_WRITTEN, TEMP_FORCED, RENAMED, DIRECTORY_FORCED }

    /** Called after each step; tests throw here to model a power cut. */
    interface StepObserver {
        void after(Step step, Path target) throws IOException;
    }

    private static volatile StepObserver observer = (step, target) -> { };

    private DurableFiles() {
    }

    /** Replaces (or creates) {@code target} with {@code content}: old or new after any crash. */
    public static void replace(Path target, byte[] content) throws IOException {
        write(target, content, true);
    }

    /**
     * Creates {@code target} only if it does not exist yet; a hard link never replaces, so two
     * processes creating it at once keep one content.
     *
     * @return false if the file already existed (it is left as it was)
     */
    public static boolean createIfAbsent(Path target, byte[] content) throws IOException {
        return write(target, content, false);
    }

    /** Renames atomically and forces the directory. */
    public static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(to.toAbsolutePath().getParent());
    }

    /** Creates the directory (and parents) owner-only, or tightens an existing one to owner-only. */
    public static Path ownerOnlyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, attributes(dir, OWNER_DIRECTORY));
        } else if (posix(dir)) {
            Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
        }
        return dir;
    }

    /** Tightens a file to owner-only where the file system has POSIX permissions. */
    public static boolean tighten(Path file) throws IOException {
        if (!posix(file) || OWNER_READ_WRITE.containsAll(Files.getPosixFilePermissions(file))) {
            return false;
        }
        Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        return true;
    }

    /** Makes a rename in {@code dir} durable; where a directory cannot be opened, the rename must do. */
    public static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Linux can fsync a directory; elsewhere this is best effort.
        }
    }

    private static boolean write(Path target, byte[] content, boolean replace) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            ownerOnlyDirectory(dir);
        }
        Path tmp = dir.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createFile(tmp, attributes(tmp, OWNER_READ_WRITE));
            observer.after(Step.TEMP_CREATED, target);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                observer.after(Step.TEMP_WRITTEN, target);
                ch.force(true);
            }
            observer.after(Step.TEMP_FORCED, target);
            if (replace) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else if (!link(tmp, target)) {
                return false;
            }
            observer.after(Step.RENAMED, target);
            forceDirectory(dir);
            observer.after(Step.DIRECTORY_FORCED, target);
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean link(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            try {
                Files.move(tmp, target);
                return true;
            } catch (FileAlreadyExistsException again) {
                return false;
            }
        }
    }

    private static FileAttribute<?>[] attributes(Path p, Set<PosixFilePermission> perms) {
        return posix(p) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Tests only: observe (or interrupt) each step of every write. */
    static void observe(StepObserver o) {
        observer = o == null ? (step, target) -> { } : o;
    }
}
