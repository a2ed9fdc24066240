/**
 * The technician's {@code /setup} page: a page served by the box that works only through the API
 * and the live feed. Calls the access room (its route declaration) and the web room (the page itself).
 */
package backroom.edge.setup;
