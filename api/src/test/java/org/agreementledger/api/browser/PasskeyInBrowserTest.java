package org.agreementledger.api.browser;

import org.agreementledger.api.support.Agreements;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signatory makes a passkey in Chromium (its virtual authenticator, user verification on),
 * registers it for its party, the certifier approves it, the signatory signs with it, and the
 * auditor sees the signature's level on the timeline. A database of its own.
 */
@TestPropertySource(properties = "ledger.test.database=passkeys-in-browser")
class PasskeyInBrowserTest extends InBrowserTest {

    @Test
    void aSignatoryRegistersAPasskeyTheCertifierApprovesItAndItsSignatureShowsItsLevel() {
        VirtualAuthenticator authenticator = browser.driver().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasUserVerification(true).setIsUserVerified(true).setHasResidentKey(true));
        String agreementId = propose("1000.00");
        String page = "/agreement.html?id=" + agreementId;

        browser.signIn("signatory-xju");
        browser.open(page);
        browser.click(By.id("register-passkey"));
        browser.waitForText(By.cssSelector("#keys li[data-status]"), "pending approval");
        assertThat(authenticator.getCredentials()).as("the passkey the browser made").hasSize(1);
        browser.signOut();

        browser.signIn("certifier");
        browser.open(page);
        browser.click(By.cssSelector("#keys li[data-status='PENDING'] button.approve-key"));
        browser.waitForText(By.cssSelector("#keys li[data-status]"), "approved");
        browser.signOut();

        browser.signIn("signatory-xju");
        browser.open(page);
        browser.setDate(By.id("sign-signedOn"), "2024-08-22");
        browser.click(By.id("sign-with-passkey"));
        browser.waitForText(By.cssSelector("#parties tr[data-party='" + Agreements.XJU + "']"), "Signed");
        browser.screenshot("passkey-signed");
        browser.signOut();

        browser.signIn("auditor");
        browser.open(page);
        browser.waitForText(By.cssSelector("#timeline li[data-type='AgreementSigned']"), "own key");
        WebElement signed = browser.driver().findElement(By.cssSelector("#timeline li[data-type='AgreementSigned']"));
        assertThat(signed.getAttribute("data-assurance")).isEqualTo("signer-key");
        assertThat(signed.getText()).contains("signed with the signer's own key", "✓ verifies");
        browser.screenshot("passkey-timeline");
    }
}
