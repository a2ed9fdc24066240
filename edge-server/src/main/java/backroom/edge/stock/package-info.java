/**
 * Stock on hand for products that track it. Every change is a movement row plus a ledger entry,
 * made inside the ledger writer's transaction, so stock can never go below zero or be counted
 * twice. Reads products through the catalog room.
 */
package backroom.edge.stock;
