package org.agreementledger.api.browser;

import org.agreementledger.api.support.FakeOpenIdProvider;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in through the organisation's identity provider (OpenID Connect), as in production,
 * and act with the roles and party its ID token gives them, recorded under their subject.
 */
class IdentityProviderSignInInBrowserTest extends HttpContractTest {

    private static final FakeOpenIdProvider PROVIDER = new FakeOpenIdProvider();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) {
        properties.add("ledger.security.oidc.client-id", () -> FakeOpenIdProvider.CLIENT_ID);
        properties.add("ledger.security.oidc.client-secret", () -> FakeOpenIdProvider.CLIENT_SECRET);
        properties.add("ledger.security.oidc.issuer-uri", PROVIDER::issuer);
        properties.add("ledger.security.oidc.authorization-uri", () -> PROVIDER.endpoint("/authorize").toString());
        properties.add("ledger.security.oidc.token-uri", () -> PROVIDER.endpoint("/token").toString());
        properties.add("ledger.security.oidc.jwk-set-uri", () -> PROVIDER.endpoint("/jwks").toString());
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aSignatoryOfTheIdentityProviderSignsInAndSignsForItsOwnPartyUnderItsOwnName() {
        String agreementId = propose("910000.00");
        PROVIDER.signInAs("amina.nurlanova@kbtu.kz", Map.of("roles", List.of("SIGNATORY"),
                "party_id", "KZ-ALMATY-KBTU"));

        try (Browser browser = new Browser(port)) {
            browser.open("/agreement.html?id=" + agreementId);
            browser.waitFor(ExpectedConditions.urlContains("/sign-in.html"));
            browser.click(By.id("sign-in-with-identity-provider"));

            assertThat(browser.waitForText(By.id("signed-in-as"), "amina.nurlanova@kbtu.kz"))
                    .contains("KZ-ALMATY-KBTU");
            assertThat(browser.currentPath()).isEqualTo("/agreement.html?id=" + agreementId);
            browser.setDate(By.id("sign-signedOn"), "2024-08-22");
            browser.click(By.cssSelector("#sign button[type=submit]"));
            browser.waitForText(By.cssSelector("#parties tr[data-party='KZ-ALMATY-KBTU']"), "Signed");
        }

        Answer history = client.get("auditor", "/api/agreements/" + agreementId + "/history");
        assertThat(history.body().at("/events/1/actor").asText()).isEqualTo("amina.nurlanova@kbtu.kz");
    }

    @Test
    void thePersonGetsOnlyTheRolesTheIdentityProviderGives() {
        PROVIDER.signInAs("observer@urumqi.gov.cn", Map.of("roles", List.of("ANALYST", "NOT_A_LEDGER_ROLE")));

        try (Browser browser = new Browser(port)) {
            browser.open("/sign-in.html");
            browser.click(By.id("sign-in-with-identity-provider"));
            browser.waitForText(By.id("signed-in-as"), "observer@urumqi.gov.cn");

            Object roles = browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/api/me').then((answer) => answer.json()).then((me) => done(me.roles.join(',')));""");
            assertThat(roles).isEqualTo("ANALYST");
        }
    }
}
