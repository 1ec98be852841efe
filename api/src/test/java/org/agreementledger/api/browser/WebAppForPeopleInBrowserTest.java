package org.agreementledger.api.browser;

import org.agreementledger.api.support.HttpContractTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app as people of the real case use it: on a phone-sized screen, with the keyboard alone,
 * in Chinese and Russian as well as English.
 */
class WebAppForPeopleInBrowserTest extends HttpContractTest {

    private static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort
    private int port;

    @Test
    void everyPageFitsAPhoneScreenAndEveryControlHasALabel() {
        String agreementId = fullySigned("880000.00");
        try (Browser browser = new Browser(port, "en-GB", PHONE)) {
            browser.signIn("admin");
            // each page, and what it shows once its data is in
            fitsAndIsLabelled(browser, "/", "#by-sector tbody tr");
            fitsAndIsLabelled(browser, "/agreements.html", "#agreements tbody tr");
            fitsAndIsLabelled(browser, "/agreement.html?id=" + agreementId, "#parties tbody tr");
            fitsAndIsLabelled(browser, "/audit.html", "#checkpoint:not(:empty)");
            fitsAndIsLabelled(browser, "/admin.html", "#processors tbody tr");
            browser.signOut();
            browser.signIn("registrar");
            fitsAndIsLabelled(browser, "/propose.html", "#parties fieldset");
            fitsAndIsLabelled(browser, "/import.html", "#import-header:not(:empty)");
        }
    }

    private static void fitsAndIsLabelled(Browser browser, String page, String shownWhenLoaded) {
        browser.open(page);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(shownWhenLoaded)));
        Object overflow = browser.driver().executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).as("%s is wider than the screen", page).isLessThanOrEqualTo(0);
        Object unlabelled = browser.driver().executeScript("""
                return [...document.querySelectorAll('input, select, textarea')]
                  .filter((control) => control.type !== 'hidden' && control.labels.length === 0
                    && !control.getAttribute('aria-label'))
                  .map((control) => control.id || control.name);""");
        assertThat((List<?>) unlabelled).as("controls without a label on %s", page).isEmpty();
        browser.screenshot("phone-" + (page.equals("/") ? "overview" : page.substring(1).replaceAll("\\.html.*", "")));
    }

    @Test
    void aPersonSignsInAndMovesOnWithTheKeyboardAlone() {
        try (Browser browser = new Browser(port)) {
            browser.open("/sign-in.html");
            browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("username")));
            // the user name field has the focus when the page opens
            browser.driver().switchTo().activeElement().sendKeys("auditor", Keys.TAB, "auditor-pass", Keys.ENTER);

            browser.waitForText(By.id("signed-in-as"), "auditor");
            browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Agreement Ledger");
        }
    }

    @Test
    void theWebAppSpeaksTheBrowsersLanguageAndSwitchesOnRequest() {
        try (Browser browser = new Browser(port, "zh-CN", new Dimension(1280, 1000))) {
            browser.signIn("analyst");
            assertThat(browser.waitForText(By.tagName("h1"), "概览")).isEqualTo("概览");
            assertThat(browser.textOf(By.cssSelector("label[for=stage]"))).isEqualTo("阶段");

            new Select(browser.driver().findElement(By.id("language"))).selectByValue("ru");

            assertThat(browser.waitForText(By.tagName("h1"), "Обзор")).isEqualTo("Обзор");
            assertThat(browser.textOf(By.id("sign-out"))).isEqualTo("Выйти");
            browser.screenshot("overview-ru");
        }
    }
}
