/**
 * What the box is and where to go: {@code GET /} names the box and points to the API, its
 * description and health; {@code GET /openapi} serves the API description itself
 * ({@code docs/openapi.yaml}, packed into the jar). Calls the access and web rooms only.
 */
package backroom.edge.about;
