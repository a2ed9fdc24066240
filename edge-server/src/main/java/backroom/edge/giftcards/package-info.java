/**
 * Selling gift cards: {@code /api/v1/gift-cards} issues a card (a sale of its value) and tops one up
 * (another sale), each keyed and written in one ledger write with the sale that paid for it, and
 * answers a card's balance. Stands above the sales room, whose {@link backroom.edge.sales.LaterPayments}
 * rings the sale, and above the stored value it loads.
 */
package backroom.edge.giftcards;
