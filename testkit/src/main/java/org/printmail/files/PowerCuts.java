package org.printmail.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Power cuts for every file the device writes through {@link DurableFiles}: at a chosen step of a
 * write, the folder is copied as the medium holds it at that instant (what a reboot after a power
 * cut would find), then the write carries on. Tests open the component on each copy and check it
 * finds the old state or the new one.
 */
public final class PowerCuts implements AutoCloseable {
    private final Path folder;
    private final Path copies;
    private final List<Path> taken = new ArrayList<>();

    private PowerCuts(Path folder, Path copies, DurableFiles.Step at) {
        this.folder = folder;
        this.copies = copies;
        DurableFiles.observe((step, target) -> {
            if (step == at && target.toAbsolutePath().startsWith(folder.toAbsolutePath())) {
                taken.add(copy());
            }
        });
    }

    /** Copies {@code folder} into {@code copies} each time a write under it reaches {@code at}. */
    public static PowerCuts at(DurableFiles.Step at, Path folder, Path copies) {
        return new PowerCuts(folder, copies, at);
    }

    /** The folder as a reboot would find it after each cut, in order. */
    public List<Path> afterEachCut() { return List.copyOf(taken); }

    private Path copy() throws IOException {
        Path to = copies.resolve("cut-" + taken.size());
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dst = to.resolve(folder.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(p, dst, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return to;
    }

    @Override
    public void close() { DurableFiles.observe(null); }
}
