package org.agreementledger.ledger.domain;

import java.util.Map;
import java.util.Set;

/** The sector codes an agreement may be filed under, each with its display name. */
public record SectorCatalogue(Map<String, String> namesByCode) {

    /** The five sector sessions of the 2024 Urumqi conference, and a few more. */
    public static final SectorCatalogue DEFAULT = new SectorCatalogue(Map.of(
            "EQUIPMENT_MANUFACTURING", "Equipment manufacturing",
            "BIOMEDICINE", "Biomedicine",
            "NEW_MATERIALS", "New materials",
            "RENEWABLE_ENERGY", "Renewable energy",
            "SMART_TECHNOLOGY", "Smart technology",
            "MODERN_AGRICULTURE", "Modern agriculture",
            "HEALTHCARE", "Healthcare",
            "INFORMATION_TECHNOLOGY", "Information technology",
            "LOGISTICS", "Logistics and trade"));

    public SectorCatalogue {
        namesByCode = Map.copyOf(namesByCode);
    }

    public boolean contains(String code) {
        return code != null && namesByCode.containsKey(code);
    }

    public Set<String> codes() {
        return namesByCode.keySet();
    }
}
