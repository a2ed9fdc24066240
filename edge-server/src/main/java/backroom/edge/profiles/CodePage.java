package backroom.edge.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** The code page a model prints or shows text in ({@code codePage}), and the {@code ESC t n} that selects it there ({@code codePages}). */
record CodePage(Charset charset, int number) {

    static CodePage of(String id, JsonNode profile) {
        String name = profile.path("codePage").asText();
        JsonNode number = profile.path("codePages").path(name);
        if (!number.isInt()) {
            throw new UnknownProfileException("device profile " + id + ": its codePage " + name + " is not in its codePages");
        }
        try {
            return new CodePage(Charset.forName(name), number.asInt());
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new UnknownProfileException("device profile " + id + ": this Java has no code page " + name);
        }
    }
}
