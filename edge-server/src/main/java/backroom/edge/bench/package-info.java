/**
 * {@code backroom bench}: every figure is printed beside a baseline measured in the same run, on
 * the same disk, with the same database settings. Never timings in unit tests; they live here.
 */
package backroom.edge.bench;
