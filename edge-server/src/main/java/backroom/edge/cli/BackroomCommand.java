package backroom.edge.cli;

import backroom.edge.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code backroom <command>}: the box's command line. */
@Command(name = "backroom", mixinStandardHelpOptions = true,
        description = "Backroom, the in-store edge server for a point of sale.",
        subcommands = {RunCommand.class, ProvisionCommand.class, PairingCodeCommand.class, VerifyLedgerCommand.class, BenchCommand.class,
            HqCommand.class, BackupCommand.class, RestoreCommand.class, WarmUpCommand.class})
public final class BackroomCommand implements Runnable {

    public static void main(String[] args) {
        int exit = new CommandLine(new BackroomCommand()).execute(args);
        if (exit != 0 || !RunCommand.isServing()) {
            System.exit(exit);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
