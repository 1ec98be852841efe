package org.agreementledger.api.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other roles' work in the browser: a registrar withdraws its proposal, a certifier revokes a
 * certification, an auditor verifies the ledger and takes its checkpoint, an admin sees how far
 * behind the processors are and runs a reconciliation.
 */
class RoleActionsInBrowserTest extends InBrowserTest {

    @Test
    void aRegistrarWithdrawsItsProposalWithAReason() {
        String agreementId = propose("120000.00");

        browser.signIn("registrar");
        browser.open("/agreement.html?id=" + agreementId);
        browser.setDate(By.id("withdraw-withdrawnOn"), "2024-08-23");
        browser.type(By.id("withdraw-reason"), "The partner merged with another");
        browser.click(By.cssSelector("#withdraw button[type=submit]"));

        browser.waitForText(By.id("agreement-status"), "Withdrawn");
        assertThat(browser.textOf(By.id("agreement"))).contains("Withdrawn on 23 Aug 2024", "The partner merged");
        assertThat(browser.driver().findElements(By.cssSelector("#action-forms form"))).isEmpty();
    }

    @Test
    void aCertifierRevokesACertificationWithAReason() {
        String agreementId = fullySigned("230000.00");
        client.post("certifier", "/api/agreements/" + agreementId + "/certification",
                Map.of("certificateNo", "XJ-REVOKE-" + agreementId.substring(0, 8), "certifiedOn", "2024-09-01"));

        browser.signIn("certifier");
        browser.open("/agreement.html?id=" + agreementId);
        browser.setDate(By.id("revoke-revokedOn"), "2025-02-01");
        browser.type(By.id("revoke-reason"), "Funding withdrawn");
        browser.click(By.cssSelector("#revoke button[type=submit]"));

        browser.waitForText(By.id("agreement-status"), "Revoked");
        assertThat(browser.textOf(By.id("certificate"))).contains("Revoked on 1 Feb 2025", "Funding withdrawn");
    }

    @Test
    void anAuditorVerifiesTheLedgerAndSeesItsLatestCheckpoint() {
        fullySigned("340000.00");

        browser.signIn("auditor");
        browser.open("/audit.html");
        browser.click(By.id("verify"));

        assertThat(browser.waitForText(By.id("verification"), "Intact")).contains("events in", "checkpoints checked");
        assertThat(browser.driver().findElement(By.id("verification")).getAttribute("class")).isEqualTo("ok");
        browser.waitFor(ExpectedConditions.textMatches(By.id("checkpoint"), Pattern.compile("(?s).*\\n\\d+\\n.*")));
        assertThat(browser.driver().findElement(By.id("download-checkpoint")).getAttribute("href"))
                .endsWith("/api/ledger/checkpoint");
        browser.screenshot("audit-verified");
    }

    @Test
    void anAdminSeesHowFarBehindTheProcessorsAreAndReconciles() {
        fullySigned("450000.00");

        browser.signIn("admin");
        browser.open("/admin.html");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#processors tbody tr td.lag")));
        browser.click(By.id("reconcile"));

        assertThat(browser.waitForText(By.id("reconciliation"), "consistent")).contains("agreements");
        browser.screenshot("operations");
    }
}
