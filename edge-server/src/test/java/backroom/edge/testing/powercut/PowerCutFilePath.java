package backroom.edge.testing.powercut;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's view of a file on a {@link PowerCut}: {@code powercut:/abs/path}. Everything that carries
 * bytes goes through the folder's page cache; names, directories and listings go straight to
 * the disk. Public only because H2 creates one per path by reflection.
 */
public final class PowerCutFilePath extends FilePathWrapper {

    static final String SCHEME = "powercut";

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return power().open(getBase(), file(), mode);
    }

    @Override
    public InputStream newInputStream() throws IOException {
        return Channels.newInputStream(open("r"));
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        return newFileChannelOutputStream(open("rw"), append);
    }

    @Override
    public long size() {
        return power().size(file(), super.size());
    }

    @Override
    public void delete() {
        power().deleted(file());
        super.delete();
    }

    @Override
    public void moveTo(FilePath newName, boolean atomicReplace) {
        power().renamed(file(), ((PowerCutFilePath) newName).file());
        super.moveTo(newName, atomicReplace);
    }

    @Override
    public boolean createFile() {
        power().checkOnUnchecked();
        return super.createFile();
    }

    @Override
    public void createDirectory() {
        power().checkOnUnchecked();
        super.createDirectory();
    }

    private PowerCut power() {
        return PowerCut.serving(file());
    }

    private Path file() {
        return Path.of(getBase().toString()).toAbsolutePath().normalize();
    }
}
