/**
 * What every HTTP service shares: reading JSON bodies with a size limit into records, writing
 * JSON answers, turning refusals into {@code application/problem+json}, and the one gate every
 * {@code /api/v1} request passes. It calls nothing else in the box.
 */
package backroom.edge.web;
