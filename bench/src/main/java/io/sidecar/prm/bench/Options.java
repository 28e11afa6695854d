package io.sidecar.prm.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's command line.
 *
 * @param scale    {@code --quick} for the small run, else the full one
 * @param clients  {@code --clients=N}, the concurrent writers and readers (default 16)
 * @param product  {@code --product=PATH}, the packaged product (default standalone/target/sidecar-prm.jar)
 * @param results  {@code --results=DIR}, where the table goes (default bench/results)
 * @param profile  flight recordings of the write and rebuild phases (off with {@code --no-profile})
 * @param keepData {@code --keep-data} keeps the temporary data directories (they are printed)
 */
record Options(Scale scale, int clients, Path product, Path results, boolean profile, boolean keepData) {

    boolean quick() {
        return scale == Scale.QUICK;
    }

    static Options parse(String[] args) {
        Scale scale = Scale.FULL;
        int clients = 16;
        Path product = Path.of("standalone/target/sidecar-prm.jar");
        Path results = Path.of("bench/results");
        boolean profile = true;
        boolean keepData = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                scale = Scale.QUICK;
            } else if (arg.startsWith("--clients=")) {
                clients = Integer.parseInt(arg.substring("--clients=".length()));
            } else if (arg.startsWith("--product=")) {
                product = Path.of(arg.substring("--product=".length()));
            } else if (arg.startsWith("--results=")) {
                results = Path.of(arg.substring("--results=".length()));
            } else if (arg.equals("--no-profile")) {
                profile = false;
            } else if (arg.equals("--keep-data")) {
                keepData = true;
            } else {
                throw new IllegalArgumentException("unknown option " + arg
                        + "; options: --quick --clients=N --product=PATH --results=DIR --no-profile --keep-data");
            }
        }
        if (!Files.isRegularFile(product)) {
            throw new IllegalArgumentException("no product jar at " + product + ": build it first (bench/run does)");
        }
        if (clients < 1) {
            throw new IllegalArgumentException("--clients must be at least 1");
        }
        return new Options(scale, clients, product.toAbsolutePath(), results.toAbsolutePath(), profile, keepData);
    }
}
