package io.segmenta.benchmarks;

import io.segmenta.api.SegmentaException;
import io.segmenta.benchmarks.StageBenchmark.UsageException;
import java.io.PrintStream;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What every benchmark's {@code main} shares: exit codes, one-line errors, finding stages with ServiceLoader. */
final class BenchmarkMain {
    /** A benchmark's body: prints to {@code out}, returns the exit code. */
    interface Body {
        int run(String[] args, PrintStream out);
    }

    private BenchmarkMain() {
    }

    /**
     * Runs {@code body} and exits: 2 with a one-line message for a usage error or a pipeline's user error
     * (one-line messages by contract). The explicit exit keeps Smile's and the engine's worker pools from
     * holding the JVM up.
     */
    static void exit(String name, String[] args, Body body) {
        int code;
        try {
            code = body.run(args, System.out);
        } catch (UsageException | SegmentaException e) {
            System.err.println(name + ": " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    /** The service of that name, among those {@link ServiceLoader} finds on the class path. */
    static <T> T service(Class<T> type, Function<T, String> name, String wanted, String module) {
        List<T> found = ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get).toList();
        return found.stream().filter(s -> name.apply(s).equals(wanted)).findFirst()
                .orElseThrow(() -> new UsageException("no " + type.getSimpleName() + " named " + wanted
                        + " on the class path (is " + module + " in target/lib/?); found: "
                        + found.stream().map(name).sorted().collect(Collectors.joining(", "))));
    }
}
