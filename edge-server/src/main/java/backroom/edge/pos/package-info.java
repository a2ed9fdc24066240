/**
 * The till's page, {@code /pos}: served as it is, it talks to the box only through the API (sales,
 * open checks, shifts, sessions), so it uses no room but access and the web helpers.
 */
package backroom.edge.pos;
