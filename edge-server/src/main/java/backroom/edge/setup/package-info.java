/**
 * The technician's {@code /setup} page: a page served by the box that works only through the API
 * and the live feed. Calls the access room only (its route declaration).
 */
package backroom.edge.setup;
