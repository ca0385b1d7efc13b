package io.mediaworker;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes non-ASCII file names work when the JVM starts under the C/POSIX locale, as it often does in
 * containers. The JVM then decodes file names and arguments as ASCII ({@code sun.jnu.encoding}
 * cannot be overridden), so {@code Ünïcødé.mp4} becomes unreachable. The only cure is a JVM started
 * under a UTF-8 locale: this relaunches the same command with {@code LC_ALL=C.UTF-8}, carrying the
 * original argument bytes (read from {@code /proc/self/cmdline}) hex-encoded in an environment
 * variable, since the JVM itself could not re-encode them. Costs one extra JVM start, only then.
 */
public final class LocaleRelaunch {
    public static final String ARGV_VARIABLE = "MEDIA_WORKER_ARGV";

    private LocaleRelaunch() {}

    /** The real arguments: as given, or decoded from the relaunch variable in a relaunched JVM. */
    static String[] arguments(String[] args) {
        String carried = System.getenv(ARGV_VARIABLE);
        return carried != null ? decode(carried) : args;
    }

    /**
     * Relaunches under C.UTF-8 when this JVM cannot represent the arguments or paths, and returns
     * the relaunched process's exit code for {@code main} to exit with; empty when no relaunch is needed.
     */
    static java.util.Optional<Integer> relaunchIfNeeded(String[] args) {
        if (System.getenv(ARGV_VARIABLE) != null || utf8(System.getProperty("sun.jnu.encoding"))) return java.util.Optional.empty();
        List<byte[]> raw = rawArguments(args.length);
        if (raw == null || raw.stream().allMatch(LocaleRelaunch::ascii) && utf8Irrelevant()) return java.util.Optional.empty();
        return java.util.Optional.of(relaunch(raw));
    }

    private static boolean utf8(String charset) {
        try {
            return charset != null && Charset.forName(charset).equals(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** ASCII arguments are fine unless paths from the environment (the content root) hold other bytes. */
    private static boolean utf8Irrelevant() {
        String root = System.getenv("CONTENT_ROOT");
        return root == null || root.chars().allMatch(c -> c < 128);
    }

    private static boolean ascii(byte[] b) {
        for (byte x : b) if (x < 0) return false;
        return true;
    }

    /** The last {@code count} entries of this process's command line, as the bytes the kernel holds. */
    private static List<byte[]> rawArguments(int count) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            List<byte[]> all = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < cmdline.length; i++) {
                if (cmdline[i] == 0) {
                    byte[] arg = new byte[i - start];
                    System.arraycopy(cmdline, start, arg, 0, arg.length);
                    all.add(arg);
                    start = i + 1;
                }
            }
            return all.size() < count ? null : all.subList(all.size() - count, all.size());
        } catch (IOException e) {
            return null; // not Linux: nothing to recover
        }
    }

    private static int relaunch(List<byte[]> raw) {
        StringBuilder hex = new StringBuilder();
        for (byte[] arg : raw) {
            if (hex.length() > 0) hex.append(',');
            hex.append(HexFormat.of().formatHex(arg));
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put(ARGV_VARIABLE, hex.toString());
        try {
            Process child = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return child.waitFor();
        } catch (IOException e) {
            System.err.println("media-worker: warning: cannot relaunch under a UTF-8 locale (" + e.getMessage() + "); set LC_ALL=C.UTF-8");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 143;
        }
    }

    private static String[] decode(String carried) {
        if (carried.isEmpty()) return new String[0];
        String[] parts = carried.split(",", -1);
        String[] args = new String[parts.length];
        for (int i = 0; i < parts.length; i++) args[i] = new String(HexFormat.of().parseHex(parts[i]), StandardCharsets.UTF_8);
        return args;
    }
}
