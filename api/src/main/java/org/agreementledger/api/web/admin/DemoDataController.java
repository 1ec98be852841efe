package org.agreementledger.api.web.admin;

import org.agreementledger.api.demo.DemoDataLoader;
import org.agreementledger.api.demo.DemoLoadResult;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Loads the demo data set on demand; loading it again writes nothing new. */
@RestController
class DemoDataController {

    private final DemoDataLoader loader;

    public DemoDataController(DemoDataLoader loader) {
        this.loader = loader;
    }

    @PostMapping(path = "/api/admin/demo-data", consumes = MediaType.APPLICATION_JSON_VALUE, produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public DemoLoadResult load() {
        return loader.load();
    }
}
