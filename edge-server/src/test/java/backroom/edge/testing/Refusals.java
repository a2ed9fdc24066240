package backroom.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

/** What every bad request gets: a 4xx as {@code application/problem+json} naming its fields, and nothing written. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * {@code call} answers {@code status} as problem+json naming exactly {@code fields} (when any
     * are given), and the box's ledger still ends at {@code head}.
     */
    public static void assertRefused(TestBox box, long head, Supplier<Reply> call, int status, String... fields) {
        Reply reply = call.get();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        if (fields.length > 0) {
            assertThat(reply.problemFields()).as(reply.toString()).containsExactlyInAnyOrder(fields);
        }
        assertThat(box.headSeq()).as("nothing written").isEqualTo(head);
    }
}
