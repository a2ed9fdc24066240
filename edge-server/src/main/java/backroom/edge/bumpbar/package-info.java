/**
 * Bump bars on the box: serial bars (jSSC) and buttons on GPIO pins (Pi4J), each bound to a kitchen
 * station, their keys read through their device profile's key map and turned into the kitchen's
 * bumps and recalls, the same writes a screen makes. A serial bar unplugged is opened again once it
 * is back; a GPIO button's presses are debounced.
 */
package backroom.edge.bumpbar;
