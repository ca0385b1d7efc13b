package io.mediaworker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mediaworker.content.Json;
import io.mediaworker.gpu.GpuCheck;
import io.mediaworker.log.LogSetup;
import io.mediaworker.model.ExitCode;
import io.mediaworker.stage.Doctor;
import io.mediaworker.stage.DoctorReport;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        header = "Check this host: ffmpeg, GPU detection, and a 2 s encode + QC on every path.",
        description = "Prints the ffmpeg found (path, version, build flags), the encoders, filters and hardware accelerations "
                + "it offers, the GPU detection with each check's outcome, then runs a 2-second encode and QC on every path "
                + "available here (CPU always, NVENC when detection passes) in a scratch tree it removes. Exit 0 when at least "
                + "one path works, 4 otherwise.",
        footerHeading = "%nExit codes:%n", footer = ExitCodes.TABLE)
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;

    @Option(names = "--json", description = "Print the report as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        LogSetup.stage("doctor", null);
        DoctorReport report = new Doctor(Commands.context(root)).examine();
        PrintWriter out = root.spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(report));
        } else {
            print(report, out);
        }
        out.flush();
        return report.healthy() ? 0 : ExitCode.TRANSIENT.code();
    }

    private static void print(DoctorReport r, PrintWriter out) {
        out.printf("media-worker %s%n", r.worker());
        out.printf("ffmpeg     %s (%s), version %s%n", r.ffmpegPath(), r.ffmpegOrigin(), r.ffmpegVersion());
        out.printf("ffprobe    %s (probing with %s)%n", r.ffprobePath().orElse("none"), r.prober());
        out.printf("build      %s%n", String.join(" ", r.ffmpegConfiguration()));
        out.printf("encoders   %s%n", marks(r.encoders()));
        out.printf("filters    %s%n", marks(r.filters()));
        out.printf("hwaccels   %s%n", String.join(" ", r.hardwareAccelerations()));
        out.printf("GPU        %s%s%n", r.gpu().gpuName().orElse("none found"), r.gpu().driverVersion().map(d -> ", driver " + d).orElse(""));
        for (GpuCheck c : r.gpu().checks()) out.printf("  [%s] %s: %s%n", c.passed() ? "ok" : "no", c.name(), c.detail());
        out.printf("  => %s%n", r.gpu().usable() ? "NVENC path usable" : "NVENC path not usable: transcodes run on the CPU");
        for (DoctorReport.Trial t : r.trials()) {
            out.printf("trial %-4s %s in %.1f s: %s%n", t.path(), t.passed() ? "PASSED" : "FAILED", t.seconds(), t.detail());
        }
        out.printf("%s%n", r.healthy() ? "healthy: at least one encoder path works" : "unhealthy: no encoder path works");
    }

    private static String marks(Map<String, Boolean> present) {
        StringBuilder sb = new StringBuilder();
        present.forEach((name, yes) -> sb.append(yes ? "+" : "-").append(name).append(' '));
        return sb.toString().trim();
    }
}
