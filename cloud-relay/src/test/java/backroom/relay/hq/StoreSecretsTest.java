package backroom.relay.hq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.relay.wire.Signature;
import backroom.relay.wire.StoreId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreSecretsTest {

    private static final StoreId S1 = new StoreId("kopi", "s1");

    @Test
    void aStoreBeingRotatedHasItsNewSecretFirstAndItsOldOneAccepted() throws Exception {
        StoreSecrets stores = StoreSecrets.parse(List.of("# stores", "", "kopi/s1 new-secret-0123456789 old-secret-0123456789",
                "kopi/s2 s2-secret-0123456789"), "test");
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);

        assertThat(stores.size()).isEqualTo(2);
        assertThat(stores.secrets(S1)).map(StoreSecrets.Secrets::previous).contains(Optional.of("old-secret-0123456789"));
        assertThat(stores.of(S1).orElseThrow().open(new Signature("new-secret-0123456789").seal(body))).isEqualTo(body);
        assertThat(stores.accepted(S1)).hasSize(2);
        assertThat(stores.accepted(S1).get(1).open(new Signature("old-secret-0123456789").seal(body))).isEqualTo(body);
        assertThat(stores.accepted(new StoreId("kopi", "s2"))).hasSize(1);
        assertThat(stores.accepted(new StoreId("kopi", "s9"))).isEmpty();
    }

    @Test
    void aBadLineIsRefusedNamingIt() {
        assertThatThrownBy(() -> StoreSecrets.parse(List.of("kopi/s1 a b c"), "stores.txt")).hasMessageStartingWith("stores.txt line 1: ");
        assertThatThrownBy(() -> StoreSecrets.parse(List.of("kopi/s1 long-enough-secret-01 short"), "stores.txt"))
                .hasMessageContaining("line 1").hasMessageContaining("16 characters");
        assertThatThrownBy(() -> StoreSecrets.parse(List.of("kopi/s1 long-enough-secret-01", "kopi/s1 long-enough-secret-02"), "f"))
                .hasMessageContaining("line 2").hasMessageContaining("listed twice");
    }
}
