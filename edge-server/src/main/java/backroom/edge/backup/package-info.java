/**
 * Backups of the box: one file holding the ledger database, {@code box.key} and a manifest
 * ({@link backroom.edge.backup.BackupArchive}), taken consistent from the running box with H2's
 * online {@code BACKUP TO} or from a stopped box's files; asked for by {@code backroom backup}
 * through a spool folder the running box answers ({@link backroom.edge.backup.BackupSpool}), made
 * every night with retention ({@link backroom.edge.backup.Backups}), and put back by
 * {@link backroom.edge.backup.Restore} only once the whole backup has been checked; a box whose
 * disk died is rebuilt by it from HQ's copy of its ledger the same way. Calls the ledger, access,
 * catalog and web rooms; only the composition root, the command line and the benchmarks call it.
 */
package backroom.edge.backup;
