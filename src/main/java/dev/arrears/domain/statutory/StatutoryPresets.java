package dev.arrears.domain.statutory;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The statutory regimes an organisation's policy may name, by id. */
public record StatutoryPresets(Map<String, StatutoryRegime> regimes) {

    public StatutoryPresets {
        regimes = Map.copyOf(regimes);
        regimes.forEach((id, regime) -> {
            if (!id.equals(regime.id())) {
                throw new IllegalArgumentException("preset '" + id + "' holds regime '" + regime.id() + "'");
            }
        });
    }

    public StatutoryRegime regime(String id) {
        Objects.requireNonNull(id, "id");
        StatutoryRegime regime = regimes.get(id);
        if (regime == null) {
            throw new IllegalArgumentException("no statutory preset '" + id + "'; known: "
                    + String.join(", ", new TreeMap<>(regimes).keySet()));
        }
        return regime;
    }
}
