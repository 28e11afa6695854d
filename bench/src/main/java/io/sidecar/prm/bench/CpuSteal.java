package io.sidecar.prm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The share of CPU time the hypervisor gave to other machines during the run ({@code steal} in
 * {@code /proc/stat}): on a shared virtual machine it explains figures that move between identical runs.
 */
final class CpuSteal {

    private final long[] start;

    private CpuSteal(long[] start) {
        this.start = start;
    }

    static CpuSteal start() {
        return new CpuSteal(read());
    }

    /** Steal since {@link #start()}, in percent of all CPU time, or -1 where {@code /proc/stat} is missing. */
    double percentSinceStart() {
        long[] end = read();
        if (start.length < 8 || end.length < 8) {
            return -1;
        }
        long total = 0;
        for (int i = 0; i < 8; i++) {
            total += end[i] - start[i];
        }
        return total == 0 ? 0 : 100.0 * (end[7] - start[7]) / total;
    }

    private static long[] read() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return Arrays.stream(cpu.trim().split("\\s+"))
                    .skip(1)
                    .mapToLong(Long::parseLong)
                    .toArray();
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }
}
