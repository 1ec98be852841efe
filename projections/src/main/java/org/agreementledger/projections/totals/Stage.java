package org.agreementledger.projections.totals;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The stages totals are counted at, as the brief defines them:
 * <ul>
 *     <li>{@code pending}: proposed and not yet signed, declined or withdrawn; in the year of the proposal;</li>
 *     <li>{@code signed}: every agreement that reached SIGNED, certified later or not; in the year of its last
 *     signature;</li>
 *     <li>{@code certified}: certified and not revoked; in the year of certification.</li>
 * </ul>
 */
public enum Stage {
    PENDING,
    SIGNED,
    CERTIFIED;

    /** The name used in the HTTP API, e.g. {@code signed}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Stage> fromCode(String code) {
        return Arrays.stream(values()).filter(stage -> stage.code().equalsIgnoreCase(code.strip())).findFirst();
    }
}
