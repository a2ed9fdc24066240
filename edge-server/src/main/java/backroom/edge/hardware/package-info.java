/**
 * The store's hardware as the box reaches it: which role (receipt, kitchen.grill, drawer, pole) is
 * which model on which connection, the links that carry bytes to it (a file, a USB line printer, a
 * serial port, a TCP socket) and the status a printer answers back. Knows nothing of sales or
 * print jobs; calls only the profiles room.
 */
package backroom.edge.hardware;
