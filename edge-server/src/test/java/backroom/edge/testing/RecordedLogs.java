package backroom.edge.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every log record of the test's JVM from {@code level} up, kept while each test runs:
 * {@code @RegisterExtension final RecordedLogs logs = new RecordedLogs(Level.INFO);}.
 */
public final class RecordedLogs extends Handler implements BeforeEachCallback, AfterEachCallback {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public RecordedLogs(Level level) {
        setLevel(level);
    }

    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        records.clear();
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord logRecord) {
        if (isLoggable(logRecord)) {
            records.add(logRecord);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
