package org.agreementledger.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket: any bytes in the request line, the headers and the body, as a
 * hostile client sends them (HTTP client libraries refuse to).
 */
final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 30_000;

    /** The status and the content type answered. */
    record Answer(int status, String contentType, String head) {
    }

    private RawHttp() {
    }

    /**
     * @param target  the request target as bytes: path and query, unencoded as given
     * @param headers the header lines after Host, each ended by CRLF here
     * @param body    the body; Content-Length is set to its length
     */
    static Answer send(int port, String method, byte[] target, byte[][] headers, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write((method + " ").getBytes(StandardCharsets.US_ASCII));
        request.write(target);
        request.write(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] header : headers) {
            request.write(header);
            request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        request.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.write(body);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
            throw new IllegalStateException("not an HTTP response: " + head);
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        String contentType = null;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            }
        }
        return new Answer(status, contentType, head);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
