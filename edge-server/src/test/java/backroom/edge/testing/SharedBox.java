package backroom.edge.testing;

import backroom.edge.ledger.ChainVerdict;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real box for all tests of a class: {@code @RegisterExtension static final SharedBox box = new SharedBox();}
 * starts it before the first test and stops it after the last.
 */
public final class SharedBox implements BeforeAllCallback, AfterAllCallback {

    private TestBox box;

    @Override
    public void beforeAll(ExtensionContext context) {
        box = TestBox.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        box.close();
    }

    public Api api() {
        return box.api();
    }

    public long headSeq() {
        return box.headSeq();
    }

    public ChainVerdict verifyChain() {
        return box.verifyChain();
    }

    public TestBox box() {
        return box;
    }
}
