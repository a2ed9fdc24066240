package backroom.edge.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Maps a row of {@code products LEFT JOIN stock_levels} to a {@link Product}. */
final class ProductRows {

    private ProductRows() {
    }

    static Product product(ResultSet rs, List<Variant> variants, List<Modifier> modifiers) throws SQLException {
        boolean trackStock = rs.getBoolean("track_stock");
        long onHand = rs.getLong("on_hand");
        return new Product(
                rs.getString("id"),
                rs.getString("sku"),
                rs.getString("barcode"),
                rs.getString("name"),
                rs.getString("category_id"),
                rs.getLong("price"),
                rs.getString("tax_id"),
                trackStock,
                rs.getString("station"),
                variants,
                modifiers,
                trackStock ? onHand : null);
    }
}
