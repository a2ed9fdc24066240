/**
 * What every HTTP service shares: reading JSON bodies with a size limit into records, writing
 * JSON answers, turning refusals into {@code application/problem+json}, and the one gate every
 * {@code /api/v1} request passes; and what keeps the listener itself taking connections: a cap on
 * how many it holds, a watch that notices if nothing listens any more, and a log that clients who
 * hang up half-way cannot flood. It calls nothing else in the box.
 */
package backroom.edge.web;
