package org.agreementledger.api.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.support.ServiceProcess;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent clients proposing agreements and signing them for both parties, remembering every
 * command the service acknowledged (2xx): each must be in the ledger whatever happens next. With
 * several nodes, each client sends to one of them; every answer's status is counted, and when each
 * acknowledgement came.
 */
final class AcknowledgingLoad implements AutoCloseable {

    static final String XJU = "CN-URUMQI-XJU";
    static final String KBTU = "KZ-ALMATY-KBTU";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TITLES = new AtomicInteger();

    /** A command the service answered 2xx: a proposal (party null) or one party's signature. */
    record Acknowledged(String agreementId, String signingParty) {
    }

    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final CountDownLatch firstAcknowledged = new CountDownLatch(1);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    private final Map<Integer, LongAdder> statuses = new ConcurrentSkipListMap<>();
    private final Queue<Long> acknowledgedAtNanos = new ConcurrentLinkedQueue<>();

    AcknowledgingLoad(ServiceProcess service, int threads) {
        this(List.of(service), threads);
    }

    AcknowledgingLoad(List<ServiceProcess> services, int threads) {
        for (int i = 0; i < threads; i++) {
            ServiceProcess service = services.get(i % services.size());
            Thread client = new Thread(() -> drive(service), "load-" + i);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
    }

    private void drive(ServiceProcess service) {
        while (running.get()) {
            try {
                HttpResponse<String> proposed = counted(service.post("registrar", "/api/agreements", proposal()));
                if (proposed.statusCode() != 201) {
                    continue;
                }
                String id = JSON.readTree(proposed.body()).get("agreementId").asText();
                acknowledge(new Acknowledged(id, null));
                sign(service, id, "signatory-xju", XJU);
                sign(service, id, "signatory-kbtu", KBTU);
            } catch (Exception goneOrRefused) {
                pause();
            }
        }
    }

    private void sign(ServiceProcess service, String id, String user, String party) throws Exception {
        HttpResponse<String> signed = counted(service.post(user, "/api/agreements/" + id + "/signatures",
                "{\"partyId\": \"" + party + "\", \"signedOn\": \"2024-08-22\"}"));
        if (signed.statusCode() == 200) {
            acknowledge(new Acknowledged(id, party));
        }
    }

    static String proposal() {
        return """
                {"title": "Crash-test agreement %d", "kind": "TECHNOLOGY", "sector": "SMART_TECHNOLOGY",
                 "parties": [
                   {"partyId": "%s", "name": "Xinjiang University", "organisationType": "UNIVERSITY", "city": "Urumqi", "country": "CN"},
                   {"partyId": "%s", "name": "Kazakh-British Technical University", "organisationType": "UNIVERSITY", "city": "Almaty", "country": "KZ"}],
                 "value": {"amount": "1000.00", "currency": "CNY"}, "proposedOn": "2024-08-20"}"""
                .formatted(TITLES.incrementAndGet(), XJU, KBTU);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> counted(HttpResponse<String> answer) {
        statuses.computeIfAbsent(answer.statusCode(), status -> new LongAdder()).increment();
        return answer;
    }

    private void acknowledge(Acknowledged command) {
        acknowledgedAtNanos.add(System.nanoTime());
        acknowledged.add(command);
        firstAcknowledged.countDown();
    }

    /** Waits until the service has acknowledged a command: the load is under way, whatever the start took. */
    void awaitUnderWay(Duration timeout) throws InterruptedException {
        if (!firstAcknowledged.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the service acknowledged no command within " + timeout);
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** How many answers had each status, in status order. */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    /** When the first acknowledgement after the given moment (System.nanoTime) came, if one did. */
    Optional<Long> firstAcknowledgedAfter(long nanos) {
        return acknowledgedAtNanos.stream().filter(at -> at > nanos).min(Long::compare);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(60_000);
        }
    }
}
