package org.agreementledger.api.config;

import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.checkpoint.SigningKeyFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * The log's Ed25519 key, from its file outside the database (created on first start): it signs the
 * checkpoints and attests every event as it is written. Every node of one ledger shares the file.
 */
@Configuration(proxyBeanMethods = false)
class LogKeyConfiguration {

    @Bean
    KeyPair logKey(@Value("${ledger.log.signing-key-file}") Path file) throws IOException {
        return SigningKeyFile.loadOrCreate(file);
    }

    @Bean
    EventAttestation eventAttestation(KeyPair logKey) {
        return EventAttestation.ofLogKey(logKey);
    }
}
