/**
 * Bump bars on the box's serial ports: each bound to a kitchen station, its keys read through its
 * device profile's key map and turned into the kitchen's bumps and recalls, the same writes a
 * screen makes. A bar unplugged is opened again once it is back.
 */
package backroom.edge.bumpbar;
