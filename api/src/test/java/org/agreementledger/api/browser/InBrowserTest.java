package org.agreementledger.api.browser;

import org.agreementledger.api.support.HttpContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running service and a fresh browser for each test, closed after it. */
abstract class InBrowserTest extends HttpContractTest {

    @LocalServerPort
    protected int port;
    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
