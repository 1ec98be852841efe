package org.agreementledger.api.benchmark;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.chain.HashChainingEventStorageEngine;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.ledger.domain.SectorCatalogue;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.agreementledger.ledger.event.CertificationRevoked;
import org.agreementledger.ledger.metadata.LedgerMetaData;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a realistic synthetic ledger straight through the ledger's event storage engine (hash
 * chains, attestations with the log's key), in large batches: agreements between Urumqi and
 * partners in cities across China and Central Asia, the sector catalogue, business years
 * 2015-2026, and every lifecycle path in proportions like a conference secretariat's: some still
 * proposed, some declined or withdrawn, most signed, many certified, a few revoked.
 */
final class SyntheticLedger {

    private static final String[][] PARTNER_CITIES = {
            {"Beijing", "CN"}, {"Shanghai", "CN"}, {"Guangzhou", "CN"}, {"Shenzhen", "CN"}, {"Tianjin", "CN"},
            {"Chongqing", "CN"}, {"Chengdu", "CN"}, {"Xi'an", "CN"}, {"Lanzhou", "CN"}, {"Xining", "CN"},
            {"Yinchuan", "CN"}, {"Hangzhou", "CN"}, {"Nanjing", "CN"}, {"Wuhan", "CN"}, {"Changsha", "CN"},
            {"Zhengzhou", "CN"}, {"Jinan", "CN"}, {"Qingdao", "CN"}, {"Harbin", "CN"}, {"Shenyang", "CN"},
            {"Dalian", "CN"}, {"Kunming", "CN"}, {"Hefei", "CN"}, {"Fuzhou", "CN"}, {"Xiamen", "CN"},
            {"Karamay", "CN"}, {"Kashgar", "CN"}, {"Shihezi", "CN"},
            {"Almaty", "KZ"}, {"Astana", "KZ"}, {"Shymkent", "KZ"}, {"Tashkent", "UZ"}, {"Samarkand", "UZ"}};
    private static final String[] CURRENCIES = {"CNY", "CNY", "CNY", "CNY", "USD", "KZT", "UZS"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2026, 9, 30).toEpochDay() - FIRST_DAY.toEpochDay());
    private static final int AGREEMENTS_PER_BATCH = 500;

    private final EventStorageEngine engine;
    private final SpringTransactionManager transactions;
    private final List<String> sectors = List.copyOf(SectorCatalogue.DEFAULT.codes().stream().sorted().toList());

    SyntheticLedger(DataSource dataSource, KeyPair logKey) {
        Serializer serializer = JacksonSerializer.builder().objectMapper(JsonMapper.builder()
                .addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()).build();
        this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        PersistenceExceptionResolver neverDuplicate = exception -> false;
        this.engine = HashChainingEventStorageEngine.onJdbc(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .persistenceExceptionResolver(neverDuplicate)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions), serializer, Clock.systemUTC(), EventAttestation.ofLogKey(logKey));
    }

    /** Writes the agreements on the given number of threads; answers the number of events written. */
    long write(int agreements, int threads, long seed) throws Exception {
        AtomicLong events = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int share = agreements / threads + (thread < agreements % threads ? 1 : 0);
                Random random = new Random(seed + thread);
                writers.add(pool.submit(() -> {
                    for (int written = 0; written < share; written += AGREEMENTS_PER_BATCH) {
                        List<DomainEventMessage<?>> batch = new ArrayList<>();
                        for (int i = 0; i < Math.min(AGREEMENTS_PER_BATCH, share - written); i++) {
                            batch.addAll(lifecycle(random));
                        }
                        transactions.executeInTransaction(() -> engine.appendEvents(batch));
                        events.addAndGet(batch.size());
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        return events.get();
    }

    /** One agreement's events, along one of the lifecycle's paths. */
    private List<DomainEventMessage<?>> lifecycle(Random random) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        List<Party> parties = new ArrayList<>();
        parties.add(new Party("XJ-" + random.nextInt(400), "Xinjiang partner " + random.nextInt(400),
                OrganisationType.values()[random.nextInt(OrganisationType.values().length)], "Urumqi", "CN"));
        for (int i = 0, partners = 1 + (random.nextInt(4) == 0 ? 1 : 0); i < partners; i++) {
            String[] city = PARTNER_CITIES[random.nextInt(PARTNER_CITIES.length)];
            parties.add(new Party(city[1] + "-" + city[0].toUpperCase().replaceAll("[^A-Z]", "") + "-" + i + "-"
                    + random.nextInt(900), city[0] + " partner", OrganisationType.values()[random.nextInt(
                    OrganisationType.values().length)], city[0], city[1]));
        }
        LocalDate proposedOn = FIRST_DAY.plusDays(random.nextInt(DAYS));
        Money value = new Money(BigDecimal.valueOf(100_000 + random.nextInt(50_000_000))
                .add(BigDecimal.valueOf(random.nextInt(100), 2)).setScale(2, RoundingMode.UNNECESSARY),
                CURRENCIES[random.nextInt(CURRENCIES.length)]);
        Events events = new Events(id);
        events.add("registrar", new AgreementProposed(id, "Cooperation on " + sectors.get(random.nextInt(sectors.size())),
                CooperationKind.values()[random.nextInt(CooperationKind.values().length)],
                sectors.get(random.nextInt(sectors.size())), parties, value,
                "Belt and Road cooperation conference " + proposedOn.getYear(), proposedOn, "registrar"));
        int path = random.nextInt(100);
        LocalDate day = proposedOn.plusDays(random.nextInt(3));
        if (path < 5) {
            events.add("registrar", new AgreementWithdrawn(id, day, "plans changed"));
            return events.messages;
        }
        for (int i = 0; i < parties.size(); i++) {
            if (path < 10 && i == parties.size() - 1) {
                events.add("signatory", new AgreementDeclined(id, parties.get(i).partyId(), day, "terms not agreed"));
                return events.messages;
            }
            if (path < 18 && i == parties.size() - 1) {
                return events.messages; // still awaiting a signature
            }
            events.add("signatory", new AgreementSigned(id, parties.get(i).partyId(), day));
        }
        events.add("signatory", new AgreementFullySigned(id, day));
        if (path < 50) {
            return events.messages;
        }
        String certificateNo = "XJ-" + proposedOn.getYear() + "-" + Long.toHexString(id.getMostSignificantBits());
        LocalDate certifiedOn = day.plusDays(random.nextInt(5));
        events.add("certifier", new AgreementCertified(id, certificateNo, certifiedOn));
        if (path >= 92) {
            events.add("certifier", new CertificationRevoked(id, certificateNo, certifiedOn.plusDays(1), "issued in error"));
        }
        return events.messages;
    }

    /** An agreement's events as they are appended, numbered in order. */
    private static final class Events {

        private final String agreementId;
        private final List<DomainEventMessage<?>> messages = new ArrayList<>();

        Events(UUID agreementId) {
            this.agreementId = agreementId.toString();
        }

        void add(String actor, Object payload) {
            messages.add(new GenericDomainEventMessage<>("Agreement", agreementId, messages.size(), payload,
                    MetaData.with(LedgerMetaData.ACTOR, actor)
                            .and(LedgerMetaData.CORRELATION_ID, UUID.randomUUID().toString())));
        }
    }
}
