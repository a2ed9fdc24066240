package backroom.relay.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealingTest {

    private static final String CURRENT = "current-secret-0123456789";
    private static final String NEW = "the-new-secret-9876543210";

    @Test
    void aSealedSecretOpensUnderTheCurrentSecretOnlyAndNeverShowsInTheClear() throws Exception {
        String sealed = SecretSealing.seal(NEW, CURRENT);

        assertThat(SecretSealing.open(sealed, CURRENT)).isEqualTo(NEW);
        assertThat(new String(Base64.getDecoder().decode(sealed))).doesNotContain(NEW);
        assertThat(SecretSealing.seal(NEW, CURRENT)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> SecretSealing.open(sealed, "another-secret-0123456789")).isInstanceOf(BadMessageException.class);
    }

    @Test
    void aTamperedOrTruncatedSealIsRefused() {
        byte[] bytes = Base64.getDecoder().decode(SecretSealing.seal(NEW, CURRENT));
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> SecretSealing.open(Base64.getEncoder().encodeToString(bytes), CURRENT)).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> SecretSealing.open(Base64.getEncoder().encodeToString(new byte[12]), CURRENT))
                .isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> SecretSealing.open("not base64!", CURRENT)).isInstanceOf(BadMessageException.class);
    }

    @Test
    void aRotateCommandCarriesTheSealAndRefusesAShortSecret() throws Exception {
        StoreCommand command = StoreCommand.rotateSecret("r1", NEW, CURRENT);

        assertThat(command.type()).isEqualTo("rotate-secret");
        assertThat(SecretSealing.open(command.sealedSecret(), CURRENT)).isEqualTo(NEW);
        assertThatThrownBy(() -> StoreCommand.rotateSecret("r2", "short", CURRENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoreCommand("r3", "rotate-secret", null, null, null)).hasMessageContaining("sealedSecret");
    }
}
