package org.agreementledger.api.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A registrar uploads the secretariat's list in the browser and reads each line's answer. */
class ProposalImportInBrowserTest extends InBrowserTest {

    @Test
    void aListWithABadLineIsAnsweredLineByLine(@TempDir Path directory) throws IOException {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Path list = directory.resolve("urumqi-2024.csv");
        Files.writeString(list, "title,kind,sector,amount,currency,occasion,proposed_on,"
                + "party1_id,party1_name,party1_type,party1_city,party1_country,"
                + "party2_id,party2_name,party2_type,party2_city,party2_country\n"
                + "Incubator centre " + unique + ",TECHNOLOGY,SMART_TECHNOLOGY,2500000.00,CNY,Urumqi 2024,2024-08-22,"
                + "CN-URUMQI-XJU,Xinjiang University,UNIVERSITY,Urumqi,CN,KZ-ALMATY-KBTU,KBTU,UNIVERSITY,Almaty,KZ\n"
                + "Talent exchange " + unique + ",TALENT,BIOMEDICINE,not a number,CNY,Urumqi 2024,2024-08-22,"
                + "CN-URUMQI-XJU,Xinjiang University,UNIVERSITY,Urumqi,CN,KZ-ALMATY-KBTU,KBTU,UNIVERSITY,Almaty,KZ\n");
        long before = eventCount();

        browser.signIn("registrar");
        browser.open("/import.html");
        browser.driver().findElement(By.id("list")).sendKeys(list.toAbsolutePath().toString());
        browser.click(By.id("import"));

        assertThat(browser.waitForText(By.id("import-summary"), "1 proposed")).contains("1 refused");
        assertThat(browser.textOf(By.cssSelector("#import-lines tr[data-line='2']"))).contains("proposed");
        assertThat(browser.textOf(By.cssSelector("#import-lines tr[data-line='3']")))
                .contains("refused", "amount", "'not a number' is not a valid value for amount");
        assertThat(eventCount()).isEqualTo(before + 1);
        browser.screenshot("import-answered");

        // found again by words of its title, in any case; the search is in the address, to be shared
        browser.open("/agreements.html");
        browser.type(By.id("filter-q"), "INCUBATOR CENTRE " + unique);
        browser.click(By.cssSelector("#filters button[type=submit]"));
        browser.waitFor(driver -> driver.findElements(By.cssSelector("#agreements tbody tr")).size() == 1);
        assertThat(browser.textOf(By.cssSelector("#agreements tbody tr"))).contains("Incubator centre " + unique);
        assertThat(browser.currentPath()).contains("q=INCUBATOR");
    }
}
