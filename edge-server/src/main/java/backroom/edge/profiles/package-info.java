/**
 * The hardware models the box knows, one JSON file each in the repository's {@code device-profiles/}
 * (bundled into the jar): read by id and checked as they are read. Knows nothing of stations,
 * sales or devices in use; the rooms that drive hardware read their profiles here.
 */
package backroom.edge.profiles;
