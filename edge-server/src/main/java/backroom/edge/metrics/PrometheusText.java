package backroom.edge.metrics;

import java.util.List;
import java.util.Map;

/**
 * Prometheus' text exposition format (version 0.0.4), written one family at a time: a
 * {@code # HELP} and {@code # TYPE} line, then its samples. Label values and help text are escaped
 * as the format says, so a role or entry type can never break a line.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder(4_096);

    PrometheusText family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    PrometheusText sample(String name, Map<String, String> labels, String value) {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!first) {
                    text.append(',');
                }
                text.append(label.getKey()).append("=\"").append(escapeLabel(label.getValue())).append('"');
                first = false;
            }
            text.append('}');
        }
        text.append(' ').append(value).append('\n');
        return this;
    }

    PrometheusText sample(String name, Map<String, String> labels, long value) {
        return sample(name, labels, Long.toString(value));
    }

    /** A one-sample family with no labels. */
    void single(String name, String type, String help, long value) {
        family(name, type, help).sample(name, Map.of(), value);
    }

    /**
     * A histogram: {@code cumulative.get(i)} observations at or under {@code bounds.get(i)} (bounds
     * already in the family's unit, as text), then {@code +Inf}, the sum and the count.
     */
    PrometheusText histogram(String name, String help, List<String> bounds, List<Long> cumulative, String sum, long count) {
        family(name, "histogram", help);
        for (int i = 0; i < bounds.size(); i++) {
            sample(name + "_bucket", Map.of("le", bounds.get(i)), cumulative.get(i));
        }
        sample(name + "_bucket", Map.of("le", "+Inf"), count);
        sample(name + "_sum", Map.of(), sum);
        return sample(name + "_count", Map.of(), count);
    }

    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
