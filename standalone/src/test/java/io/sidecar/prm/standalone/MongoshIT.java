package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person looks at the read models with mongosh, the MongoDB shell people reach for: it must accept the embedded
 * server (mongosh 2.x refuses servers below wire version 9). CI installs mongosh (see {@code .ci/run}) and this
 * test must run there; elsewhere it runs when mongosh is on the PATH and skips otherwise.
 */
class MongoshIT {

    @TempDir
    static Path dataDir;

    @Test
    void mongoshReadsTheReadModels() throws Exception {
        Optional<Path> mongosh = mongosh();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(mongosh).as("mongosh, installed by .ci/run").isPresent();
        }
        assumeTrue(mongosh.isPresent(), "mongosh is not installed");

        try (RunningStandalone app = RunningStandalone.start(dataDir, "prm.mongo.embedded.port=0")) {
            String id = app.client().onboardAndRead("Shell Visible Ltd");
            String uri = app.bean(EmbeddedMongo.class).connectionString() + "/prm";

            String output = run(
                    mongosh.get(),
                    uri,
                    "print(db.getCollectionNames().sort().join(','));"
                            + "print(db.partners.findOne({_id: '" + id + "'}).name);"
                            + "print(db.trackingtokens.countDocuments({}) > 0)");

            assertThat(output).contains("partners", "trackingtokens", "Shell Visible Ltd", "true");
        }
    }

    private static String run(Path mongosh, String uri, String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(mongosh.toString(), "--quiet", "--norc", uri, "--eval", script)
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("mongosh finished")
                .isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static Optional<Path> mongosh() {
        Path installedByCi = Path.of("..", ".ci", "tools", "node_modules", ".bin", "mongosh");
        Stream<Path> onPath =
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(dir -> Path.of(dir, "mongosh"));
        return Stream.concat(Stream.of(installedByCi), onPath)
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toAbsolutePath);
    }
}
