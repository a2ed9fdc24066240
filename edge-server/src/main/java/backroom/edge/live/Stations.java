package backroom.edge.live;

import backroom.edge.kitchen.KitchenWrites;
import backroom.edge.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kitchen stations a screen follows: it then gets only the kitchen's entries that name one of
 * them in their {@code stations} (every kitchen entry at {@link KitchenWrites#EXPO}), and no
 * sale, cash or table entry.
 */
record Stations(Set<String> names) {

    static final int MOST = 20;
    private static final int LONGEST = 64;

    /** From {@code stations=bar,grill} or a subscribe message's list; a 400 naming {@code field} when it is no list of names. */
    static Stations of(String field, List<String> names) {
        if (names.isEmpty() || names.size() > MOST
                || names.stream().anyMatch(name -> name == null || name.isBlank() || name.length() > LONGEST)) {
            throw Problem.malformed(field, "must name 1-" + MOST + " stations, each 1-" + LONGEST + " characters");
        }
        return new Stations(Collections.unmodifiableSet(new LinkedHashSet<>(names)));
    }

    static Stations parse(String field, String commaList) {
        return of(field, List.of(commaList.split(",", -1)));
    }

    static Stations fromMessage(JsonNode message) {
        JsonNode list = message.path("stations");
        List<String> names = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(name -> names.add(name.isTextual() ? name.asText() : null));
        }
        return of("stations", names);
    }

    boolean follows(FeedEntry entry) {
        Set<String> named = entry.stations();
        if (named.isEmpty()) {
            return false;
        }
        return names.contains(KitchenWrites.EXPO) || named.stream().anyMatch(names::contains);
    }
}
