/**
 * Ingredient stock and recipes: what a product (or one of its variants) takes of each ingredient,
 * in grams, millilitres or pieces, and every movement of an ingredient's stock, each a row and its
 * own {@code ingredient.moved} entry written inside the ledger write of the sale, void or refund
 * that caused it (or of the delivery, count or adjustment a manager makes). Falling to an
 * ingredient's low mark appends {@code stock.low}, once until it rises above again, which the live
 * feed carries to the screens. Reads products through the catalog room; sales and checks call it.
 */
package backroom.edge.ingredients;
