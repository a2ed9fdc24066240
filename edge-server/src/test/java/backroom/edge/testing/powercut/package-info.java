/**
 * A simulated power cut for H2: a file system ({@code powercut:}) that keeps every written byte in
 * a page cache of its own until the file is forced, so a test can cut the power and then open the
 * real files to see exactly what an fsync made durable. It also fills the disk on request. Test
 * code only; it calls nothing in the box.
 */
package backroom.edge.testing.powercut;
