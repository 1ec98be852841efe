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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells subscribers, on every node, that events were committed or that the read side's tokens moved.
 * The node that committed says so at once to its own subscribers ({@link #announce}) and, through
 * PostgreSQL's NOTIFY, to the other nodes, where one pooled session LISTENs. The NOTIFY is sent after
 * the commit, from a session of its own, one for all the commits that came meanwhile: a NOTIFY inside
 * the committing transaction would take PostgreSQL's database-wide notify lock through its commit and
 * serialise every command's fsync. While it cannot listen (the database away) it says nothing (a
 * processor woken to fail would back off for up to a minute) and subscribers look for themselves now
 * and then; once it listens again, it signals everything.
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
    private static final int NOTIFY_PACE_MILLIS = 10;
    private static final Logger log = LoggerFactory.getLogger(LedgerSignals.class);

    private final DataSource dataSource;
    private final String node = UUID.randomUUID().toString();
    private final Map<Signal, Set<Runnable>> subscribers = new EnumMap<>(Signal.class);
    private final EnumSet<Signal> toNotify = EnumSet.noneOf(Signal.class);
    private volatile boolean running;
    private Thread listener;
    private Thread notifier;

    public LedgerSignals(DataSource dataSource) {
        this.dataSource = dataSource;
        for (Signal signal : Signal.values()) {
            subscribers.put(signal, ConcurrentHashMap.newKeySet());
        }
    }

    /** Runs the subscriber at each signal, on a thread of the signals: it must be quick. */
    public Registration subscribe(Signal signal, Runnable subscriber) {
        subscribers.get(signal).add(subscriber);
        return () -> subscribers.get(signal).remove(subscriber);
    }

    /** Says, after a commit, what it changed: to this node's subscribers now, to the other nodes' soon. */
    public void announce(Signal signal) {
        signal(EnumSet.of(signal));
        synchronized (toNotify) {
            toNotify.add(signal);
            toNotify.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = daemon("ledger-signals-listener", this::listen);
        notifier = daemon("ledger-signals-notifier", this::notifyOtherNodes);
    }

    /** Returns the sessions to the pool before the pool closes. */
    @Override
    public void stop() {
        running = false;
        synchronized (toNotify) {
            toNotify.notifyAll();
        }
        try {
            listener.join(2 * WAIT_MILLIS);
            notifier.join(2 * WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
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
                        signal(fromOtherNodes(notifications));
                    }
                }
            } catch (SQLException | RuntimeException cannotListen) {
                if (running) {
                    log.debug("Cannot listen for the ledger's signals ({}); subscribers look for themselves meanwhile",
                            cannotListen.toString());
                    pause();
                }
            }
        }
    }

    private Set<Signal> fromOtherNodes(PGNotification[] notifications) {
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        Arrays.stream(notifications).filter(notification -> !node.equals(notification.getParameter()))
                .forEach(notification -> Arrays.stream(Signal.values())
                        .filter(signal -> signal.channel.equals(notification.getName()))
                        .forEach(signals::add));
        return signals;
    }

    private void notifyOtherNodes() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                connection.setAutoCommit(true);
                try (Statement unflushed = connection.createStatement()) {
                    // a NOTIFY lost in a crash costs a second of lag, not data: no need to wait for its fsync
                    unflushed.execute("SET synchronous_commit = off");
                }
                while (running) {
                    for (Signal signal : nextToNotify()) {
                        notify.setString(1, signal.channel);
                        notify.setString(2, node);
                        notify.execute();
                    }
                    Thread.sleep(NOTIFY_PACE_MILLIS); // one NOTIFY for all the commits of a busy moment
                }
            } catch (SQLException | RuntimeException cannotNotify) {
                if (running) {
                    log.debug("Cannot tell the other nodes of the ledger's signals ({})", cannotNotify.toString());
                    pause();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Set<Signal> nextToNotify() throws InterruptedException {
        synchronized (toNotify) {
            while (toNotify.isEmpty() && running) {
                toNotify.wait(WAIT_MILLIS);
            }
            Set<Signal> next = EnumSet.copyOf(toNotify);
            toNotify.clear();
            return next;
        }
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
