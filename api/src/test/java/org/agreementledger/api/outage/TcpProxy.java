package org.agreementledger.api.outage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the service and its database, to take the database away: cut (every
 * connection dropped, new ones refused) or stall (connections stay open, nothing gets through).
 */
final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean stalled;
    private volatile int port;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        listen(0);
    }

    int port() {
        return port;
    }

    /** Drops every connection and refuses new ones, as a database host that went away. */
    synchronized void cut() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** Keeps every connection open and lets nothing through, as a database that hangs. */
    void stall() {
        stalled = true;
    }

    /** Serves again on the same port. */
    synchronized void restore() throws IOException {
        stalled = false;
        if (listener.isClosed()) {
            listen(port);
        }
    }

    @Override
    public void close() throws IOException {
        stalled = false;
        cut();
    }

    private void listen(int onPort) throws IOException {
        ServerSocket server = new ServerSocket(onPort, 50, InetAddress.getLoopbackAddress());
        server.setReuseAddress(true);
        listener = server;
        port = server.getLocalPort();
        Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket database = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                synchronized (this) {
                    // a connection accepted while cut() ran must not outlive the cut
                    if (server.isClosed()) {
                        closeQuietly(client);
                        closeQuietly(database);
                        return;
                    }
                    sockets.add(client);
                    sockets.add(database);
                }
                pump(client, database);
                pump(database, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    while (stalled) {
                        Thread.sleep(50);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // one side closed: close the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
