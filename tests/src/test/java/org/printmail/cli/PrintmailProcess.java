package org.printmail.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.printmail.device.DeviceCommand;

/** The {@code printmail} command as a separate process, its screen read line by line. */
final class PrintmailProcess implements AutoCloseable {
    static final Path ROOT = Path.of("").toAbsolutePath();

    private final Process process;
    private final BufferedReader out;
    private final StringBuilder screen = new StringBuilder();

    PrintmailProcess(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dprintmail.home=" + ROOT, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().remove(DeviceCommand.KEYSTORE_PASSWORD_ENV);
        pb.environment().remove(DeviceCommand.ADMIN_PASSWORD_ENV);
        pb.environment().putAll(env);
        process = pb.start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads until a line starting with {@code prefix} (inclusive) and returns that line. */
    String readUntil(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            screen.append(line).append('\n');
            if (line.trim().startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the process ended before \"" + prefix + "\":\n" + screen);
    }

    /** Types the keys, closes the input and waits for the exit code. */
    int finish(String keys) throws IOException, InterruptedException {
        try (OutputStream in = process.getOutputStream()) {
            in.write(keys.getBytes(StandardCharsets.UTF_8));
        }
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            screen.append(line).append('\n');
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not exit:\n" + screen);
        }
        return process.exitValue();
    }

    String screen() { return screen.toString(); }

    @Override
    public void close() { process.destroyForcibly(); }
}
