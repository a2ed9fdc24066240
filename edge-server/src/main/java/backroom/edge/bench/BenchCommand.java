package backroom.edge.bench;

import picocli.CommandLine.Command;

/** {@code backroom bench ...}: measured figures, each beside a baseline from the same run. */
@Command(name = "bench", description = "Benchmarks, each printed beside a baseline measured in the same run.",
        subcommands = {SalesBench.class, VerifyBench.class, RelayBench.class, KdsBench.class, PrintBench.class, FootprintBench.class,
            RebuildBench.class, ReportsBench.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: backroom bench sales|verify|relay|kds|print|footprint|rebuild|reports [--json]");
    }
}
