package org.agreementledger.api.web.query;

import org.agreementledger.ledger.domain.SectorCatalogue;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/** The sector catalogue: the codes an agreement may be filed under, for forms and filters. */
@RestController
public class SectorController {

    public record Sector(String code, String name) {
    }

    private final SectorCatalogue catalogue;

    public SectorController(SectorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping(path = "/api/sectors", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Sector> sectors() {
        return catalogue.namesByCode().entrySet().stream()
                .map(entry -> new Sector(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(Sector::name))
                .toList();
    }
}
