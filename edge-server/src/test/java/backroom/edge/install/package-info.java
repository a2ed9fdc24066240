/**
 * Tests of {@code install/}: the installer run for real under {@code --root} in a temp folder, the
 * systemd unit held to systemd's own checks, every shell script in the repository to shellcheck.
 * Test code only; it runs the scripts and tools as processes and calls nothing in the box.
 */
package backroom.edge.install;
