package backroom.edge.ledger;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * H2's chunk rewrite as its own background housekeeping calls it: only chunks at most a given
 * share live, the emptiest and oldest first. H2's public {@code MVStore.compact} offers the same
 * rewrite only with every chunk a candidate, the oldest first however full: with the retention
 * time at 0 it spent a run rewriting the packed chunks of earlier runs again and left the new,
 * sparse ones, a 60,000-entry file at 2.03x its data. {@code FileStore.rewriteChunks} is protected
 * and {@code MVStore.tryExecuteUnderStoreLock} package-private in H2 2.3.232, so both are reached
 * by reflection, looked up once as the class loads ({@link #requireReachable}, as the compaction
 * starts): an H2 without them fails the box's start, not its first quiet spell.
 */
final class ChunkRewrite {

    private static final Method REWRITE = declared(FileStore.class, "rewriteChunks", int.class, int.class);
    private static final Method UNDER_STORE_LOCK = declared(MVStore.class, "tryExecuteUnderStoreLock", Callable.class);

    private ChunkRewrite() {
    }

    /** Loads the class, so that an H2 without the methods fails here. */
    static void requireReachable() {
        // Nothing more: loading the class looked both methods up.
    }

    /**
     * Rewrites the live pages of chunks at most {@code livePercent} live, about {@code writeLimit}
     * bytes of them, under the store's lock; false if no chunk qualified or the lock was busy.
     */
    static boolean chunksAtMost(MVStore store, int livePercent, int writeLimit) {
        Callable<Boolean> rewrite = () -> (Boolean) REWRITE.invoke(store.getFileStore(), writeLimit, livePercent);
        try {
            return Boolean.TRUE.equals(UNDER_STORE_LOCK.invoke(store, rewrite));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException inner ? inner.getCause() : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("H2's chunk rewrite failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("H2's chunk rewrite is out of reach", e);
        }
    }

    private static Method declared(Class<?> owner, String name, Class<?>... parameters) {
        try {
            Method method = owner.getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError("H2 " + org.h2.engine.Constants.FULL_VERSION + " has no " + owner.getSimpleName()
                    + "." + name + ": the ledger compaction was written against H2 2.3.232");
        }
    }
}
