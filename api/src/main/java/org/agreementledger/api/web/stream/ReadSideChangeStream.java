package org.agreementledger.api.web.stream;

import org.agreementledger.api.eventstream.LedgerSignals;
import org.axonframework.common.Registration;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells open pages of the web app, as server-sent events, that the read side has taken in new
 * events, so that they fetch what they show again: a {@code projected} event at most every
 * {@link #PACE}, a comment every {@link #HEARTBEAT} to keep proxies from closing an idle stream.
 * Each stream ends after {@link #LIFETIME} and the browser opens it again by itself.
 */
@RestController
public class ReadSideChangeStream implements SmartLifecycle {

    static final Duration PACE = Duration.ofMillis(250);
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final LedgerSignals signals;
    private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean projected = new AtomicBoolean();
    private ScheduledExecutorService sender;
    private Registration subscription;
    private volatile boolean running;

    public ReadSideChangeStream(LedgerSignals signals) {
        this.signals = signals;
    }

    @GetMapping(path = "/api/stream/read-model", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter readModelChanges() {
        SseEmitter stream = new SseEmitter(LIFETIME.toMillis());
        stream.onCompletion(() -> streams.remove(stream));
        stream.onTimeout(stream::complete);
        stream.onError(error -> streams.remove(stream));
        if (running) {
            streams.add(stream);
        } else {
            stream.complete();
        }
        return stream;
    }

    private void sendPending() {
        if (projected.getAndSet(false)) {
            send(SseEmitter.event().name("projected").data(""));
        }
    }

    private void send(SseEmitter.SseEventBuilder event) {
        for (SseEmitter stream : streams) {
            try {
                stream.send(event);
            } catch (IOException | IllegalStateException gone) {
                streams.remove(stream);
            }
        }
    }

    @Override
    public void start() {
        sender = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "read-side-change-stream");
            thread.setDaemon(true);
            return thread;
        });
        sender.scheduleWithFixedDelay(this::sendPending, PACE.toMillis(), PACE.toMillis(), TimeUnit.MILLISECONDS);
        sender.scheduleWithFixedDelay(() -> send(SseEmitter.event().comment("heartbeat")),
                HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        subscription = signals.subscribe(LedgerSignals.Signal.TOKENS_MOVED, () -> projected.set(true));
        running = true;
    }

    /** Ends every open stream, so that a graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        running = false;
        subscription.cancel();
        sender.shutdownNow();
        streams.forEach(SseEmitter::complete);
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
