package org.agreementledger.api.eventstream;

import org.axonframework.common.Registration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells subscribers that events were committed, or that an event processor's tokens moved, on any
 * node: one session of the pool listens on the PostgreSQL channels that the event and token tables'
 * triggers notify at each commit (migration V1_1). While it cannot listen (the database away), it
 * signals everything every half second instead, so that subscribers look for themselves.
 */
@Component
public class LedgerSignals implements SmartLifecycle {

    /** What a notification says, and the channel it comes on. */
    public enum Signal {
        EVENTS_COMMITTED("ledger_events"),
        TOKENS_MOVED("ledger_tokens");

        private final String channel;

        Signal(String channel) {
            this.channel = channel;
        }
    }

    private static final int WAIT_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(LedgerSignals.class);

    private final DataSource dataSource;
    private final Map<Signal, Set<Runnable>> subscribers = new EnumMap<>(Signal.class);
    private volatile boolean running;
    private Thread listener;

    public LedgerSignals(DataSource dataSource) {
        this.dataSource = dataSource;
        for (Signal signal : Signal.values()) {
            subscribers.put(signal, ConcurrentHashMap.newKeySet());
        }
    }

    /** Runs the subscriber after each commit that signals it, on the listening thread: it must be quick. */
    public Registration subscribe(Signal signal, Runnable subscriber) {
        subscribers.get(signal).add(subscriber);
        return () -> subscribers.get(signal).remove(subscriber);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "ledger-signals");
        listener.setDaemon(true);
        listener.start();
    }

    /** Returns the listening session to the pool before the pool closes. */
    @Override
    public void stop() {
        running = false;
        try {
            listener.join(2 * WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    for (Signal signal : Signal.values()) {
                        listen.execute("LISTEN " + signal.channel);
                    }
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                signal(EnumSet.allOf(Signal.class)); // for what was committed while nobody listened
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        signal(signalsOf(notifications));
                    }
                }
            } catch (SQLException | RuntimeException cannotListen) {
                if (running) {
                    log.debug("Cannot listen for the ledger's signals ({}); subscribers look for themselves meanwhile",
                            cannotListen.toString());
                    signal(EnumSet.allOf(Signal.class));
                    pause();
                }
            }
        }
    }

    private static Set<Signal> signalsOf(PGNotification[] notifications) {
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        Arrays.stream(notifications).forEach(notification -> Arrays.stream(Signal.values())
                .filter(signal -> signal.channel.equals(notification.getName()))
                .forEach(signals::add));
        return signals;
    }

    private void signal(Set<Signal> signals) {
        signals.forEach(signal -> subscribers.get(signal).forEach(Runnable::run));
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
