package org.agreementledger.api.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a setting comes to when a deployment leaves it at its default, in production and in the embedded default. */
class ProductionProfileTest {

    @Test
    void productionAcceptsOnlySignaturesByAPartysOwnKey() throws IOException {
        assertThat(settings(true).getProperty("ledger.signatures.accepted-assurance")).isEqualTo("signer-key");
    }

    @Test
    void theEmbeddedDefaultAcceptsBothLevelsSoTheDemoSignsWithoutKeys() throws IOException {
        assertThat(settings(false).getProperty("ledger.signatures.accepted-assurance")).isEqualTo("signer-key,account");
    }

    private static StandardEnvironment settings(boolean production) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        yaml.load("default", new ClassPathResource("application.yml")).forEach(environment.getPropertySources()::addLast);
        if (production) {
            yaml.load("production", new ClassPathResource("application-production.yml"))
                    .forEach(environment.getPropertySources()::addFirst);
        }
        return environment;
    }
}
