package org.agreementledger.api.support;

import org.agreementledger.api.LedgerApplication;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a random port against a real PostgreSQL: the embedded one, started fresh
 * in a temporary directory, or the one LEDGER_DB_URL names. All test classes with this annotation
 * share one application context, hence one database, without the demo data set: tests create their
 * own agreements and never assume an empty ledger.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.embedded-postgres.data-directory=${java.io.tmpdir}/agreement-ledger-test/${random.uuid}",
                "ledger.embedded-postgres.clean-on-start=true",
                "ledger.embedded-postgres.port=0",
                "ledger.demo-data.enabled=false"
        })
public @interface LedgerIntegrationTest {
}
