package org.agreementledger.api.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People walk an agreement through its life in a real browser, each in their role, through the
 * same command API as every client: a registrar proposes it, both parties' signatories sign, the
 * certifier certifies, and the auditor sees every event on the timeline, each verifying.
 */
class AgreementLifecycleInBrowserTest extends InBrowserTest {

    private static final String PROPOSED_ON = "2024-08-20";

    @Test
    void proposedSignedByBothPartiesCertifiedAndSeenOnTheTimeline() {
        // the shared ledger holds other tests' agreements: this one is found by an occasion of its own
        String occasion = "Browser walk " + UUID.randomUUID();
        browser.signIn("registrar");
        browser.open("/propose.html");
        fillProposal("Smart grid cooperation between Urumqi and Almaty", "");
        browser.type(By.id("occasion"), occasion);
        new Select(browser.driver().findElement(By.id("kind"))).selectByValue("TECHNOLOGY");
        new Select(browser.driver().findElement(By.id("sector"))).selectByValue("SMART_TECHNOLOGY");
        browser.click(By.id("propose"));

        // the ledger's own answer, next to the field it is about
        String refusal = browser.textOf(By.id("value.amount-error"));
        assertThat(refusal).isNotBlank();
        assertThat(browser.driver().findElement(By.id("value.amount")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("propose-refused");

        browser.type(By.id("value.amount"), "12500000.00");
        browser.click(By.id("propose"));
        browser.waitForText(By.id("agreement-status"), "Proposed");
        String agreementPath = browser.currentPath();
        String agreementId = agreementPath.replaceAll(".*id=([0-9a-f-]+).*", "$1");
        assertThat(browser.textOf(By.id("agreement-value"))).contains("12,500,000.00");
        assertThat(browser.textOf(By.id("agreement-terms-hash"))).as("the terms hash a signer compares")
                .matches("[0-9a-f]{64}")
                .isEqualTo(client.get("registrar", "/api/agreements/" + agreementId).body().get("termsHash").asText());
        assertThat(browser.textOf(By.id("agreement"))).contains("Technology", "Smart technology", "University")
                .doesNotContain("null");
        browser.signOut();

        browser.signIn("signatory-xju");
        browser.open("/agreements.html?awaiting=mine&occasion=" + URLEncoder.encode(occasion, StandardCharsets.UTF_8));
        browser.click(By.linkText("Smart grid cooperation between Urumqi and Almaty"));
        browser.setDate(By.id("sign-signedOn"), "2024-08-22");
        browser.click(By.cssSelector("#sign button[type=submit]"));
        browser.waitForText(By.cssSelector("#parties tr[data-party='CN-URUMQI-XJU']"), "Signed");
        assertThat(browser.driver().findElements(By.id("sign"))).as("nothing left to sign").isEmpty();
        browser.signOut();

        browser.signIn("signatory-kbtu");
        browser.open("/agreement.html?id=" + agreementId);
        browser.setDate(By.id("sign-signedOn"), "2024-08-22");
        browser.click(By.cssSelector("#sign button[type=submit]"));
        browser.waitForText(By.id("agreement-status"), "Signed");
        browser.signOut();

        browser.signIn("certifier");
        browser.open("/agreement.html?id=" + agreementId);
        browser.type(By.id("certify-certificateNo"), "XJ-BROWSER-" + agreementId.substring(0, 8));
        browser.setDate(By.id("certify-certifiedOn"), "2024-09-10");
        browser.click(By.cssSelector("#certify button[type=submit]"));
        browser.waitForText(By.id("agreement-status"), "Certified");
        assertThat(browser.textOf(By.id("certificate"))).contains("XJ-BROWSER-");
        browser.signOut();

        browser.signIn("auditor");
        browser.open("/agreement.html?id=" + agreementId);
        browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline li"), 5));
        List<WebElement> events = browser.driver().findElements(By.cssSelector("#timeline li"));
        assertThat(events).extracting(event -> event.getAttribute("data-type")).containsExactly(
                "AgreementProposed", "AgreementSigned", "AgreementSigned", "AgreementFullySigned", "AgreementCertified");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getAttribute("class")).isEqualTo("verifies");
            assertThat(event.getText()).contains("✓ verifies");
        });
        assertThat(events.get(0).getText()).contains("by registrar");
        assertThat(events.get(4).getText()).contains("by certifier");
        assertThat(events).extracting(event -> event.getAttribute("data-assurance"))
                .containsExactly("", "account", "account", "", "account");
        assertThat(events.get(1).getText()).contains("by account only");
        browser.screenshot("agreement-timeline");
        browser.signOut();

        // the totals count it among the certified agreements of its occasion, which hold it alone
        browser.signIn("analyst");
        browser.open("/?stage=certified&occasion=" + URLEncoder.encode(occasion, StandardCharsets.UTF_8));
        browser.waitForText(By.id("kpi-count"), "1");
        assertThat(browser.textOf(By.id("kpi-value"))).isEqualTo("CN¥12,500,000.00");
        assertThat(browser.textOf(By.id("by-country"))).contains("KZ");
    }

    @Test
    void anActionARuleRefusesShowsTheRulesMessageAndChangesNothing() {
        String agreementId = propose("300000.00");
        long before = eventCount();

        browser.signIn("signatory-xju");
        browser.open("/agreement.html?id=" + agreementId);
        // a signature dated before the proposal: the ledger's rule refuses it
        browser.setDate(By.id("sign-signedOn"), "2020-01-01");
        browser.click(By.cssSelector("#sign button[type=submit]"));

        String message = browser.textOf(By.cssSelector("#sign .problem"));
        assertThat(message).isNotBlank().doesNotContain("Exception").doesNotContain("at org.");
        assertThat(browser.textOf(By.id("agreement-status"))).isEqualTo("Proposed");
        assertThat(eventCount()).isEqualTo(before);
        browser.screenshot("sign-refused");
    }

    @Test
    void aSignatoryIsOfferedNoActionForAnotherPartysAgreementAndTheApiRefusesOne() {
        String agreementId = propose("450000.00");
        client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", "CN-URUMQI-XJU", "signedOn", "2024-08-22"));
        long before = eventCount();

        browser.signIn("signatory-xju");
        browser.open("/agreement.html?id=" + agreementId);
        browser.waitForText(By.cssSelector("#parties tr[data-party='CN-URUMQI-XJU']"), "Signed");
        assertThat(browser.driver().findElements(By.cssSelector("#action-forms form"))).isEmpty();

        // the page's own session, used to sign for the other party, is refused by the API
        Object status = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/assets/app.js').then(({ api }) => api('/api/agreements/%s/signatures', { method: 'POST',
                  body: { partyId: 'KZ-ALMATY-KBTU', signedOn: '2024-08-22' } }))
                  .then((answer) => done(answer.status + ' ' + answer.problem.type));""".formatted(agreementId));
        assertThat(status).isEqualTo("403 urn:agreement-ledger:problem:party-not-yours");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anOpenPageShowsWhatOthersDoWithoutBeingReloaded() {
        String agreementId = propose("640000.00");
        browser.signIn("certifier");
        browser.open("/agreement.html?id=" + agreementId);
        browser.waitForText(By.id("agreement-status"), "Proposed");
        Object page = browser.driver().executeScript("return window.performance.timeOrigin;");

        client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", "CN-URUMQI-XJU", "signedOn", "2024-08-22"));
        client.post("signatory-kbtu", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", "KZ-ALMATY-KBTU", "signedOn", "2024-08-22"));

        browser.waitForText(By.id("agreement-status"), "Signed");
        // and the certifier is now offered to certify it
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("certify")));
        assertThat(browser.driver().executeScript("return window.performance.timeOrigin;"))
                .as("the same page, not a reload").isEqualTo(page);
    }

    @Test
    void whatAPersonTypesSurvivesThePageBeingRedrawnAsTheLedgerMovesOn() {
        String agreementId = propose("530000.00");
        browser.signIn("signatory-xju");
        browser.open("/agreement.html?id=" + agreementId);
        browser.type(By.id("decline-reason"), "Still negotiating the terms");
        browser.driver().executeScript("document.getElementById('agreement-status').dataset.drawn = 'before';");

        client.post("signatory-kbtu", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", "KZ-ALMATY-KBTU", "signedOn", "2024-08-22"));

        // the page was drawn anew with the other party's signature...
        browser.waitForText(By.cssSelector("#parties tr[data-party='KZ-ALMATY-KBTU']"), "Signed");
        browser.waitFor(driver -> driver.findElements(By.cssSelector("#agreement-status[data-drawn]")).isEmpty()
                && !driver.findElements(By.id("agreement-status")).isEmpty());
        // ...and the reason being typed is still there
        assertThat(browser.driver().findElement(By.id("decline-reason")).getAttribute("value"))
                .isEqualTo("Still negotiating the terms");
    }

    private void fillProposal(String title, String amount) {
        browser.type(By.id("title"), title);
        browser.type(By.id("value.amount"), amount);
        browser.setDate(By.id("proposedOn"), PROPOSED_ON);
        party(0, "CN-URUMQI-XJU", "Xinjiang University", "Urumqi", "CN");
        party(1, "KZ-ALMATY-KBTU", "Kazakh-British Technical University", "Almaty", "KZ");
    }

    private void party(int index, String partyId, String name, String city, String country) {
        browser.type(By.id("parties[" + index + "].partyId"), partyId);
        browser.type(By.id("parties[" + index + "].name"), name);
        browser.type(By.id("parties[" + index + "].city"), city);
        browser.type(By.id("parties[" + index + "].country"), country);
        new Select(browser.driver().findElement(By.id("parties[" + index + "].organisationType"))).selectByValue("UNIVERSITY");
    }
}
