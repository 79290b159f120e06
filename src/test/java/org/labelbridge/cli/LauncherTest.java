package org.labelbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./labelbridge} launcher, run on a copy of the repository's skeleton with a fake
 * {@code mvn} (noisy on standard output, as Maven 3.8 is, and "building" the jar) and a fake
 * {@code java} on the PATH: no real build, a few milliseconds a run.
 */
class LauncherTest {

    private static final String COMMAND_OUTPUT = "[ {\"id\" : \"coco\"} ]\n";

    @TempDir
    Path repo;

    private Path bin;

    @BeforeEach
    void skeleton() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script");
        Path script = Files.copy(Path.of("labelbridge"), repo.resolve("labelbridge"));
        executable(script);
        Files.createDirectories(repo.resolve("src/main/java"));
        Files.writeString(repo.resolve("src/main/java/Code.java"), "class Code {}");
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("functions"));
        Files.writeString(repo.resolve("functions/auto-to-coco.json"), "{}");
        Files.writeString(repo.resolve("functions/README.md"), "descriptors");
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        for (String path : List.of("src/main/java/Code.java", "src/main/java", "src/main", "pom.xml",
                "functions/auto-to-coco.json", "functions/README.md", "functions")) {
            Files.setLastModifiedTime(repo.resolve(path), FileTime.from(hourAgo));
        }
        bin = Files.createDirectories(repo.resolve("fake-bin"));
        executable(Files.writeString(bin.resolve("mvn"), """
                #!/bin/sh
                echo "mvn $*" >> "$(dirname "$0")/calls"
                printf '\\033[0m\\033[0m[INFO] BUILD SUCCESS\\n'
                mkdir -p target/serve-lib
                : > target/labelbridge-0.1.0-runner.jar
                """));
        executable(Files.writeString(bin.resolve("java"), """
                #!/bin/sh
                echo "java $*" >> "$(dirname "$0")/calls"
                printf '%s'
                """.formatted(COMMAND_OUTPUT)));
    }

    @Test
    void theFirstRunsBuildWritesNothingToStandardOutput() throws Exception {
        Run run = launch("formats", "--json");

        assertEquals(0, run.status(), run.stderr());
        assertEquals(COMMAND_OUTPUT, run.stdout());
        assertTrue(run.stderr().contains("[INFO] BUILD SUCCESS"), run.stderr());
        assertEquals(1, calls("mvn "));
        // the JVM's own warnings and errors go to standard error too
        String java = Files.readAllLines(bin.resolve("calls")).stream().filter(l -> l.startsWith("java "))
                .findFirst().orElseThrow();
        assertTrue(java.contains(" -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr "), java);
    }

    @Test
    void rebuildsWhenAFunctionDescriptorChanges() throws Exception {
        assertEquals(0, launch("formats").status());
        assertEquals(0, launch("formats").status());
        assertEquals(1, calls("mvn "), "an up-to-date jar is not rebuilt");

        Path jar = repo.resolve("target/labelbridge-0.1.0-runner.jar");
        FileTime afterTheJar = FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60));
        Files.setLastModifiedTime(repo.resolve("functions/README.md"), afterTheJar);
        assertEquals(0, launch("formats").status());
        assertEquals(1, calls("mvn "), "functions/README.md is not in the jar");

        Files.setLastModifiedTime(repo.resolve("functions/auto-to-coco.json"), afterTheJar);
        Run run = launch("formats");
        assertEquals(0, run.status(), run.stderr());
        assertEquals(COMMAND_OUTPUT, run.stdout());
        assertEquals(2, calls("mvn "));
    }

    private record Run(int status, String stdout, String stderr) {
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", repo.resolve("labelbridge").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().remove("LABELBRIDGE_JAVA_OPTS");
        builder.environment().remove("LABELBRIDGE_CDS");
        Path stdout = repo.resolve("stdout");
        Path stderr = repo.resolve("stderr");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher did not finish");
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private long calls(String prefix) throws IOException {
        return Files.readAllLines(bin.resolve("calls")).stream().filter(l -> l.startsWith(prefix)).count();
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
