package backroom.edge.bench;

import picocli.CommandLine.Command;

@Command(name = "sales")
final class SalesBench implements Runnable {
    @Override
    public void run() {
    }
}
