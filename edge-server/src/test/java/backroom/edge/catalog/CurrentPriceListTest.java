package backroom.edge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.WriterStatements;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentPriceListTest {

    @TempDir
    Path dir;

    private final CurrentPriceList prices = new CurrentPriceList();

    @Test
    void aPriceListReadBeforeARollbackIsNotTakenForTheNextChangeOfTheSameVersion() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC()); Handle handle = db.jdbi().open()) {
            db.writer().submit((h, ledger) -> CatalogWrites.seed(h, ledger, DemoCatalog.SETTINGS,
                    DemoCatalog.TAXES, DemoCatalog.CATEGORIES, DemoCatalog.PRODUCTS));
            assertThat(lattePrice(handle)).isEqualTo(25_000);

            handle.begin();
            setLattePrice(handle, 30_000);
            assertThat(lattePrice(handle)).isEqualTo(30_000);
            handle.rollback();
            handle.begin();
            setLattePrice(handle, 40_000);
            handle.commit();

            assertThat(lattePrice(handle)).isEqualTo(40_000);
        }
    }

    @Test
    void aPriceChangedBehindItsBackIsSeenByTheNextSale() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC()); Handle handle = db.jdbi().open()) {
            db.writer().submit((h, ledger) -> CatalogWrites.seed(h, ledger, DemoCatalog.SETTINGS,
                    DemoCatalog.TAXES, DemoCatalog.CATEGORIES, DemoCatalog.PRODUCTS));
            assertThat(lattePrice(handle)).isEqualTo(25_000);

            handle.execute("UPDATE products SET price = 26000 WHERE id = 'coffee-latte'");
            handle.execute("UPDATE store_settings SET catalog_version = catalog_version + 1");

            assertThat(lattePrice(handle)).isEqualTo(26_000);
        }
    }

    private long lattePrice(Handle handle) {
        return prices.in(handle, new WriterStatements(handle.getConnection())).product("coffee-latte").orElseThrow().price();
    }

    /** As a catalog write does it: forgets the list, changes the price, bumps {@code catalog_version}. */
    private void setLattePrice(Handle handle, long price) {
        prices.forget();
        handle.createUpdate("UPDATE products SET price = :price WHERE id = 'coffee-latte'").bind("price", price).execute();
        handle.execute("UPDATE store_settings SET catalog_version = catalog_version + 1");
    }
}
