package backroom.edge.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain tables and inserts shaped like the rows one rung sale writes, for the raw baselines. */
final class SaleRows implements AutoCloseable {

    private static final String PAYLOAD = "{\"change\":31000,\"grandTotal\":69000,\"lines\":[{\"productId\":\"coffee-latte\","
            + "\"quantity\":2,\"unitPrice\":30000}],\"paid\":100000,\"receiptNumber\":\"r1-000001\",\"subtotal\":60000}";

    private final PreparedStatement sale;
    private final PreparedStatement line;
    private final PreparedStatement payment;
    private final PreparedStatement counter;
    private final PreparedStatement key;
    private final PreparedStatement ledger;

    SaleRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sales (id BIGINT PRIMARY KEY, receipt VARCHAR(80), total BIGINT, paid BIGINT, at TIMESTAMP)");
            s.execute("CREATE TABLE lines (sale_id BIGINT, line_no INT, product VARCHAR(64), qty INT, total BIGINT, PRIMARY KEY (sale_id, line_no))");
            s.execute("CREATE TABLE payments (sale_id BIGINT, line_no INT, method VARCHAR(16), amount BIGINT, PRIMARY KEY (sale_id, line_no))");
            s.execute("CREATE TABLE counters (register_id VARCHAR(64) PRIMARY KEY, last_number BIGINT)");
            s.execute("CREATE TABLE keys (k VARCHAR(200) PRIMARY KEY, response VARCHAR(100000))");
            s.execute("CREATE TABLE ledger (seq BIGINT PRIMARY KEY, type VARCHAR(64), payload VARCHAR(1000000), hash CHAR(64))");
        }
        sale = c.prepareStatement("INSERT INTO sales VALUES (?, 'r1-x', 69000, 100000, CURRENT_TIMESTAMP)");
        line = c.prepareStatement("INSERT INTO lines VALUES (?, 1, 'coffee-latte', 2, 60000)");
        payment = c.prepareStatement("INSERT INTO payments VALUES (?, 1, 'cash', 100000)");
        counter = c.prepareStatement("MERGE INTO counters KEY (register_id) VALUES ('r1', ?)");
        key = c.prepareStatement("INSERT INTO keys VALUES (?, '" + PAYLOAD + "')");
        ledger = c.prepareStatement("INSERT INTO ledger VALUES (?, 'sale.completed', '" + PAYLOAD + "', '" + "0".repeat(64) + "')");
    }

    void insert(long id) throws SQLException {
        for (PreparedStatement statement : new PreparedStatement[] {sale, line, payment, counter, ledger}) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
        key.setString(1, "key-" + id);
        key.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : new PreparedStatement[] {sale, line, payment, counter, key, ledger}) {
            statement.close();
        }
    }
}
