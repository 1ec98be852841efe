package org.agreementledger.api.support;

import java.util.List;
import java.util.Map;

/** Request bodies for tests: a proposal between the two demo signatories' parties, and variations. */
public final class Agreements {

    public static final String XJU = "CN-URUMQI-XJU";
    public static final String KBTU = "KZ-ALMATY-KBTU";

    private Agreements() {
    }

    public static Map<String, Object> party(String partyId, String name, String type, String city, String country) {
        return Map.of("partyId", partyId, "name", name, "organisationType", type, "city", city, "country", country);
    }

    public static List<Map<String, Object>> demoParties() {
        return List.of(
                party(XJU, "Xinjiang University", "UNIVERSITY", "Urumqi", "CN"),
                party(KBTU, "Kazakh-British Technical University", "UNIVERSITY", "Almaty", "KZ"));
    }

    public static Map<String, Object> proposal(String amount) {
        return proposal(amount, "SMART_TECHNOLOGY", "2024-08-20");
    }

    public static Map<String, Object> proposal(String amount, String sector, String proposedOn) {
        return Map.of(
                "title", "Joint laboratory for smart grid control",
                "kind", "TECHNOLOGY",
                "sector", sector,
                "parties", demoParties(),
                "value", Map.of("amount", amount, "currency", "CNY"),
                "occasion", "Belt and Road inter-regional cooperation and innovation conference 2024",
                "proposedOn", proposedOn);
    }
}
